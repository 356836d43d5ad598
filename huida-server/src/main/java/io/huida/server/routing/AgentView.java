package io.huida.server.routing;

import java.time.Instant;
import java.util.List;

/** An agent as supervisors see it: the profile and how many conversations the agent owns now. */
public record AgentView(String username, String displayName, String team, List<String> skills, int maxConcurrent,
                        AgentStatus status, Instant statusSince, boolean vipDedicated, Instant lastAssignedAt, int load) {

    static AgentView of(Agent a, int load) {
        return new AgentView(a.username(), a.displayName(), a.team(), a.skills(), a.maxConcurrent(), a.status(),
                a.statusSince(), a.vipDedicated(), a.lastAssignedAt(), load);
    }
}
