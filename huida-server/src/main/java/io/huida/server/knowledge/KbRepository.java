package io.huida.server.knowledge;

import io.huida.engine.kb.AnswerVariant;
import io.huida.engine.kb.Faq;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Stores knowledge-base versions and their FAQs (one full copy per version). */
@Repository
class KbRepository {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<List<AnswerVariant>> VARIANTS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    KbRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /**
     * Inserts a new version with its FAQs and flows file (YAML, or null for none); returns the version number.
     * Call inside a transaction.
     */
    long insertVersion(String createdBy, String source, List<Faq> faqs, String flows, KbVersion.Status status) {
        long version = jdbc.sql("select coalesce(max(id), 0) + 1 from kb_version").query(Long.class).single();
        jdbc.sql("insert into kb_version (id, created_at, created_by, source, faq_count, status, flows) values (?, ?, ?, ?, ?, ?, ?)")
                .params(version, Timestamp.from(Instant.now()), createdBy, truncate(source, 300), faqs.size(), status.name(),
                        flows)
                .update();
        List<Object[]> rows = new ArrayList<>(faqs.size());
        for (int i = 0; i < faqs.size(); i++) {
            Faq f = faqs.get(i);
            rows.add(new Object[]{version, f.id(), i, truncate(f.category(), 200), f.question(),
                    JSON.writeValueAsString(f.similarQuestions()), f.answer(), JSON.writeValueAsString(f.variants()),
                    f.validFrom() == null ? null : Timestamp.from(f.validFrom()),
                    f.validUntil() == null ? null : Timestamp.from(f.validUntil()), f.enabled()});
        }
        template.batchUpdate("insert into faq (version_id, faq_id, position, category, question, similar_questions, answer,"
                + " variants, valid_from, valid_until, enabled) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        return version;
    }

    /** Marks {@code version} published and the previously published one archived. Call inside a transaction. */
    void markPublished(long version) {
        jdbc.sql("update kb_version set status = 'ARCHIVED' where status = 'PUBLISHED' and id <> ?").param(version).update();
        jdbc.sql("update kb_version set status = 'PUBLISHED' where id = ?").param(version).update();
    }

    Optional<KbVersion> version(long version) {
        return jdbc.sql("select * from kb_version where id = ?").param(version).query(KbRepository::toVersion).optional();
    }

    Optional<KbVersion> published() {
        return jdbc.sql("select * from kb_version where status = 'PUBLISHED' order by id desc")
                .query(KbRepository::toVersion).list().stream().findFirst();
    }

    List<KbVersion> versions(int limit) {
        return jdbc.sql("select * from kb_version order by id desc").query(KbRepository::toVersion).list()
                .stream().limit(limit).toList();
    }

    /** The flows file (YAML) of a version, or null when it has none. */
    String flows(long version) {
        return jdbc.sql("select flows from kb_version where id = ?").param(version).query(String.class).optional().orElse(null);
    }

    List<Faq> faqs(long version) {
        return jdbc.sql("select * from faq where version_id = ? order by position").param(version)
                .query((rs, n) -> toFaq(rs)).list();
    }

    private static KbVersion toVersion(ResultSet rs, int n) throws SQLException {
        return new KbVersion(rs.getLong("id"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                rs.getString("source"), rs.getInt("faq_count"), KbVersion.Status.valueOf(rs.getString("status")));
    }

    private static Faq toFaq(ResultSet rs) throws SQLException {
        Timestamp from = rs.getTimestamp("valid_from");
        Timestamp until = rs.getTimestamp("valid_until");
        return new Faq(rs.getString("faq_id"), rs.getString("category"), rs.getString("question"),
                JSON.readValue(rs.getString("similar_questions"), STRINGS), rs.getString("answer"),
                JSON.readValue(rs.getString("variants"), VARIANTS), from == null ? null : from.toInstant(),
                until == null ? null : until.toInstant(), rs.getBoolean("enabled"));
    }

    private static String truncate(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
    }
}
