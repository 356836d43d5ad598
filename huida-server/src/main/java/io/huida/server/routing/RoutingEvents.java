package io.huida.server.routing;

import java.time.Instant;

/** What routing does to conversations, for notifications (Spring application events). */
public final class RoutingEvents {

    private RoutingEvents() {
    }

    /** The router gave a waiting conversation to {@code agent}, who now has {@code acceptTimeout} to accept it. */
    public record ConversationRouted(String conversationId, String agent, boolean vip, Instant at) {
    }

    /**
     * An assignment went back to the queue because {@code agent} did not accept it in time or went offline; it keeps its
     * place and goes to another agent.
     */
    public record AssignmentRequeued(String conversationId, String agent, String reason, Instant at) {
    }
}
