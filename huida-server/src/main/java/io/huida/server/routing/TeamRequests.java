package io.huida.server.routing;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static io.huida.server.routing.AgentRepository.ts;

/** Conversations agents transferred to a team ({@code routing_team_request}), until routing assigns them. */
@Repository
class TeamRequests {

    /** The team a conversation must go to, and who sent it there (who is not given it back). */
    record TeamRequest(String team, String requestedBy) {
    }

    private final JdbcClient jdbc;

    TeamRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void save(String conversationId, String team, String requestedBy, Instant now) {
        delete(conversationId);
        jdbc.sql("insert into routing_team_request (conversation_id, team, requested_by, requested_at) values (?, ?, ?, ?)")
                .params(conversationId, team, requestedBy, ts(now)).update();
    }

    /** Every open request, by conversation. */
    Map<String, TeamRequest> all() {
        Map<String, TeamRequest> out = new HashMap<>();
        jdbc.sql("select conversation_id, team, requested_by from routing_team_request").query(rs -> {
            out.put(rs.getString("conversation_id"), new TeamRequest(rs.getString("team"), rs.getString("requested_by")));
        });
        return out;
    }

    java.util.Optional<TeamRequest> find(String conversationId) {
        return jdbc.sql("select team, requested_by from routing_team_request where conversation_id = ?").param(conversationId)
                .query((rs, n) -> new TeamRequest(rs.getString("team"), rs.getString("requested_by"))).optional();
    }

    void delete(String conversationId) {
        jdbc.sql("delete from routing_team_request where conversation_id = ?").param(conversationId).update();
    }
}
