package io.huida.server.routing;

import java.time.Instant;
import java.util.List;

/** What an agent sees of themselves: the profile and the conversations they own. */
public record AgentDeskView(AgentView agent, List<OwnedConversation> conversations) {

    /**
     * A conversation the agent owns.
     *
     * @param accepted whether the agent accepted it (an un-accepted one goes back to the queue after the timeout)
     */
    public record OwnedConversation(String id, String channel, String customerName, boolean vip, String skill,
                                    String handoffReason, String summary, Instant queuedAt, Instant assignedAt,
                                    boolean accepted) {
    }
}
