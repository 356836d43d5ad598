package io.huida.server.conversation;

import java.time.Instant;

/** What happens to conversations; routing, notifications and analytics listen (Spring application events). */
public final class ConversationEvents {

    private ConversationEvents() {
    }

    /**
     * A conversation changed status (or, ASSIGNED → ASSIGNED, owner).
     *
     * @param agent  the owner after the change, or null
     * @param reason why (handoff reason, "assigned", "timeout", "transfer", "resolved" …)
     */
    public record StatusChanged(Conversation conversation, ConversationStatus from, ConversationStatus to, String agent,
                                String reason, Instant at) {
    }

    /**
     * A message was stored (published after its transaction committed); the chat hub delivers it.
     *
     * @param reply the full bot reply (choices, handoff …) for a bot message just answered, else null
     */
    public record MessageAdded(ChatEntry entry, io.huida.engine.bot.BotReply reply) {
    }

    /** The bot handed a conversation over; it now waits in the queue for an agent with {@code skill}. */
    public record HandoffRequested(Conversation conversation, Instant at) {
    }
}
