package io.huida.server.routing;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Agent profiles and skills ({@code agent}, {@code agent_skill}). */
@Repository
class AgentRepository {

    private final JdbcClient jdbc;

    AgentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every agent, by username. */
    List<Agent> all() {
        Map<String, List<String>> skills = new HashMap<>();
        jdbc.sql("select username, skill from agent_skill order by username, position")
                .query(rs -> {
                    skills.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        Map<String, Agent> agents = new LinkedHashMap<>();
        jdbc.sql("select * from agent order by username").query((rs, n) -> row(rs, skills.getOrDefault(rs.getString("username"),
                List.of()))).list().forEach(a -> agents.put(a.username(), a));
        return List.copyOf(agents.values());
    }

    Optional<Agent> find(String username) {
        List<String> skills = jdbc.sql("select skill from agent_skill where username = ? order by position").param(username)
                .query(String.class).list();
        return jdbc.sql("select * from agent where username = ?").param(username).query((rs, n) -> row(rs, skills)).optional();
    }

    /** Inserts or replaces the profile and skills (status and bookkeeping included). */
    @Transactional
    void save(Agent a, Instant now) {
        int updated = jdbc.sql("update agent set display_name = ?, team = ?, max_concurrent = ?, status = ?, status_since = ?,"
                        + " vip_dedicated = ?, last_assigned_at = ?, updated_at = ? where username = ?")
                .params(a.displayName(), a.team(), a.maxConcurrent(), a.status().name(), ts(a.statusSince()), a.vipDedicated(),
                        ts(a.lastAssignedAt()), ts(now), a.username())
                .update();
        if (updated == 0) {
            jdbc.sql("insert into agent (username, display_name, team, max_concurrent, status, status_since, vip_dedicated,"
                            + " last_assigned_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(a.username(), a.displayName(), a.team(), a.maxConcurrent(), a.status().name(), ts(a.statusSince()),
                            a.vipDedicated(), ts(a.lastAssignedAt()), ts(now))
                    .update();
        }
        jdbc.sql("delete from agent_skill where username = ?").param(a.username()).update();
        for (int i = 0; i < a.skills().size(); i++) {
            jdbc.sql("insert into agent_skill (username, skill, position) values (?, ?, ?)")
                    .params(a.username(), a.skills().get(i), i).update();
        }
    }

    /** Records that the router just gave {@code username} a conversation (ties go to the longest idle agent). */
    void assigned(String username, Instant now) {
        jdbc.sql("update agent set last_assigned_at = ? where username = ?").params(ts(now), username).update();
    }

    /** Whether {@code username} is a user of the application. */
    boolean userExists(String username) {
        return jdbc.sql("select count(*) from app_user where username = ?").param(username).query(Integer.class).single() > 0;
    }

    private static Agent row(ResultSet rs, List<String> skills) throws SQLException {
        return new Agent(rs.getString("username"), rs.getString("display_name"), rs.getString("team"), skills,
                rs.getInt("max_concurrent"), AgentStatus.valueOf(rs.getString("status")), instant(rs, "status_since"),
                rs.getBoolean("vip_dedicated"), instant(rs, "last_assigned_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
