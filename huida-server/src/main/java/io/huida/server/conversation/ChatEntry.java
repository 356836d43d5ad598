package io.huida.server.conversation;

import java.time.Instant;

/**
 * One stored message of a conversation, personal data masked.
 *
 * @param conversationId the session id
 * @param seq            1, 2, 3 … within the conversation: the order every participant sees
 * @param sender         {@code customer}, {@code bot}, {@code agent} or {@code system}
 * @param author         the agent's username (agent messages), else null
 * @param text           the message, personal data masked
 * @param clientId       the sender's own id for the message (resends are stored once), or null
 * @param replyType      the bot reply's type (bot messages), else null
 * @param intent         the bot's recognised intent (bot messages), else null
 * @param faqId          the answered FAQ (bot messages), else null
 * @param flowId         the flow (bot messages), else null
 * @param at             when it was stored
 * @param attachmentId   the file or image the message carries, or null
 */
public record ChatEntry(String conversationId, long seq, String sender, String author, String text, String clientId,
                        String replyType, String intent, String faqId, String flowId, Instant at, String attachmentId) {
}
