package io.huida.server.routing;

import io.huida.server.conversation.ConversationLifecycle;
import org.springframework.stereotype.Service;

import java.time.Instant;

/**
 * An agent passes a conversation to a team rather than to a person: it goes back to the queue (keeping its place) and
 * routing gives it to the first free agent of that team — never back to the agent who sent it.
 */
@Service
public class TeamTransfers {

    private final ConversationLifecycle lifecycle;
    private final AgentRepository agents;
    private final TeamRequests requests;
    private final Router router;

    TeamTransfers(ConversationLifecycle lifecycle, AgentRepository agents, TeamRequests requests, Router router) {
        this.lifecycle = lifecycle;
        this.agents = agents;
        this.requests = requests;
        this.router = router;
    }

    /** Every waiting conversation transferred to a team, with that team (one query for a whole list). */
    public java.util.Map<String, String> waitingTeams() {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        requests.all().forEach((id, r) -> out.put(id, r.team()));
        return out;
    }

    /** The team a waiting conversation was transferred to, if it was. */
    public java.util.Optional<String> teamOf(String conversationId) {
        return requests.find(conversationId).map(TeamRequests.TeamRequest::team);
    }

    /**
     * Sends the conversation {@code owner} holds to {@code team}.
     *
     * @return false when {@code owner} does not hold it (any more)
     * @throws IllegalArgumentException when no agent belongs to {@code team}
     */
    public boolean toTeam(String conversationId, String owner, String team, Instant now) {
        String t = team == null ? "" : team.strip();
        if (t.isEmpty() || agents.all().stream().noneMatch(a -> t.equals(a.team()))) {
            throw new IllegalArgumentException("no agent is in team '" + t + "'");
        }
        requests.save(conversationId, t, owner, now); // before the conversation is queued: no pass may miss it
        if (!lifecycle.requeueFrom(conversationId, owner, "transferred to team " + t, now)) {
            requests.delete(conversationId);
            return false;
        }
        router.request();
        return true;
    }
}
