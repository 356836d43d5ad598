package io.huida.server.routing;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.huida.server.routing.AgentRepository.instant;
import static io.huida.server.routing.AgentRepository.ts;

/** The router's assignments and whether the agent accepted them ({@code routing_assignment}). */
@Repository
class AssignmentRepository {

    /** One assignment; {@code acceptedAt} is null until the agent accepts. */
    record Assignment(String conversationId, String agent, Instant assignedAt, Instant acceptedAt) {
    }

    private final JdbcClient jdbc;

    AssignmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Starts the acceptance timer of a new assignment (replacing any earlier one of the conversation). */
    void assigned(String conversationId, String agent, Instant now) {
        delete(conversationId);
        jdbc.sql("insert into routing_assignment (conversation_id, agent, assigned_at) values (?, ?, ?)")
                .params(conversationId, agent, ts(now)).update();
    }

    /** Marks the conversation accepted by {@code agent}, recording an assignment made elsewhere (a transfer) too. */
    void accept(String conversationId, String agent, Instant now) {
        int updated = jdbc.sql("update routing_assignment set accepted_at = ? where conversation_id = ? and agent = ?"
                        + " and accepted_at is null").params(ts(now), conversationId, agent).update();
        if (updated == 0 && find(conversationId).filter(a -> a.agent().equals(agent)).isEmpty()) {
            delete(conversationId);
            jdbc.sql("insert into routing_assignment (conversation_id, agent, assigned_at, accepted_at) values (?, ?, ?, ?)")
                    .params(conversationId, agent, ts(now), ts(now)).update();
        }
    }

    Optional<Assignment> find(String conversationId) {
        return jdbc.sql("select * from routing_assignment where conversation_id = ?").param(conversationId)
                .query((rs, n) -> new Assignment(rs.getString("conversation_id"), rs.getString("agent"),
                        instant(rs, "assigned_at"), instant(rs, "accepted_at"))).optional();
    }

    /** Assignments not accepted yet, oldest first. */
    List<Assignment> unaccepted() {
        return jdbc.sql("select * from routing_assignment where accepted_at is null order by assigned_at")
                .query((rs, n) -> new Assignment(rs.getString("conversation_id"), rs.getString("agent"),
                        instant(rs, "assigned_at"), null)).list();
    }

    void delete(String conversationId) {
        jdbc.sql("delete from routing_assignment where conversation_id = ?").param(conversationId).update();
    }
}
