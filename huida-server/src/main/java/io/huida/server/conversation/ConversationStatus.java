package io.huida.server.conversation;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a conversation stands. One owner at a time: the bot (BOT), nobody while waiting (QUEUED), one agent
 * (ASSIGNED); PENDING waits for the customer (a message left when no agent was online, or the agent asked a
 * question); RESOLVED is closed (a new customer message reopens it with the bot).
 */
public enum ConversationStatus {
    BOT, QUEUED, ASSIGNED, PENDING, RESOLVED;

    private static final Map<ConversationStatus, Set<ConversationStatus>> NEXT = Map.of(
            BOT, EnumSet.of(QUEUED, PENDING, RESOLVED),
            QUEUED, EnumSet.of(ASSIGNED, PENDING, RESOLVED, BOT),
            ASSIGNED, EnumSet.of(QUEUED, ASSIGNED, PENDING, RESOLVED),
            PENDING, EnumSet.of(QUEUED, ASSIGNED, RESOLVED, BOT),
            RESOLVED, EnumSet.of(BOT, QUEUED));

    /** Whether a conversation may go from this status to {@code next} (ASSIGNED → ASSIGNED is a transfer). */
    public boolean canGoTo(ConversationStatus next) {
        return NEXT.get(this).contains(next);
    }
}
