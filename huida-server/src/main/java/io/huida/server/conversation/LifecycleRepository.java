package io.huida.server.conversation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Conversations' lifecycle rows; every change is a compare-and-set on the revision. */
@Repository
class LifecycleRepository {

    private final JdbcClient jdbc;

    LifecycleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Conversation> find(String id) {
        return jdbc.sql("select * from conversation where id = ?").param(id).query(LifecycleRepository::row).optional();
    }

    /** Inserts a new conversation; false when it exists already. */
    boolean insert(Conversation c) {
        try {
            jdbc.sql("insert into conversation (id, status, channel, customer_id, customer_name, segment, vip, skill,"
                            + " handoff_reason, summary, agent, queued_at, assigned_at, resolved_at, created_at, updated_at, revision,"
                            + " last_seq) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                            + " (select coalesce(max(seq), 0) from conversation_message where session_id = ?))") // messages stored before it
                    .params(c.id(), c.status().name(), c.channel(), c.customerId(), c.customerName(), c.segment(), c.vip(),
                            c.skill(), c.handoffReason(), c.summary(), c.agent(), ts(c.queuedAt()), ts(c.assignedAt()),
                            ts(c.resolvedAt()), ts(c.createdAt()), ts(c.updatedAt()), c.revision(), c.id())
                    .update();
            return true;
        } catch (org.springframework.dao.DuplicateKeyException e) {
            return false;
        }
    }

    /** Writes {@code next} if the stored revision is still {@code expected}; {@code next.revision()} must be expected + 1. */
    boolean update(Conversation next, long expected) {
        return jdbc.sql("update conversation set status = ?, channel = ?, customer_id = ?, customer_name = ?, segment = ?,"
                        + " vip = ?, skill = ?, handoff_reason = ?, summary = ?, agent = ?, queued_at = ?, assigned_at = ?,"
                        + " resolved_at = ?, updated_at = ?, revision = ? where id = ? and revision = ?")
                .params(next.status().name(), next.channel(), next.customerId(), next.customerName(), next.segment(),
                        next.vip(), next.skill(), next.handoffReason(), next.summary(), next.agent(), ts(next.queuedAt()),
                        ts(next.assignedAt()), ts(next.resolvedAt()), ts(next.updatedAt()), next.revision(), next.id(), expected)
                .update() == 1;
    }

    void wrapUp(String id, String code, String note) {
        jdbc.sql("update conversation set wrap_up = ?, wrap_up_note = ? where id = ?").params(code, note, id).update();
    }

    /** Conversations in {@code status}, VIPs first, then longest waiting. */
    List<Conversation> byStatus(ConversationStatus status, int limit) {
        return jdbc.sql("select * from conversation where status = ? order by vip desc, queued_at, created_at, id"
                        + " fetch first ? rows only").params(status.name(), limit).query(LifecycleRepository::row).list();
    }

    /** How many conversations in {@code status} each agent owns. */
    Map<String, Integer> countByAgent(ConversationStatus status) {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.sql("select agent, count(*) from conversation where status = ? and agent is not null group by agent")
                .param(status.name()).query(rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                });
        return counts;
    }

    /** The customer's conversations, newest first. */
    List<Conversation> byCustomer(String customerId, int limit) {
        return jdbc.sql("select * from conversation where customer_id = ? order by created_at desc fetch first ? rows only")
                .params(customerId, limit).query(LifecycleRepository::row).list();
    }

    List<Conversation> byAgent(String agent, ConversationStatus status) {
        return jdbc.sql("select * from conversation where agent = ? and status = ? order by assigned_at")
                .params(agent, status.name()).query(LifecycleRepository::row).list();
    }

    private static Conversation row(ResultSet rs, int n) throws SQLException {
        return new Conversation(rs.getString("id"), ConversationStatus.valueOf(rs.getString("status")), rs.getString("channel"),
                rs.getString("customer_id"), rs.getString("customer_name"), rs.getString("segment"), rs.getBoolean("vip"),
                rs.getString("skill"), rs.getString("handoff_reason"), rs.getString("summary"), rs.getString("agent"),
                instant(rs, "queued_at"), instant(rs, "assigned_at"), instant(rs, "resolved_at"), instant(rs, "created_at"),
                instant(rs, "updated_at"), rs.getLong("revision"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
