package io.huida.server.conversation;

import java.time.Instant;

/**
 * A conversation's life as routing, agents and analytics see it.
 *
 * @param id            the session id
 * @param status        where it stands
 * @param channel       web, wechat, email, sms or api
 * @param customerId    the customer's id in the business's systems, or null
 * @param customerName  display name, or null
 * @param segment       customer segment, or null
 * @param vip           whether the customer is a VIP (jumps the queue)
 * @param skill         the skill an agent needs (e.g. 信用卡), or null for any agent
 * @param handoffReason why the bot handed over, or null
 * @param summary       the bot's summary for the agent (personal data masked), or null
 * @param agent         the agent who owns it (ASSIGNED), or null
 * @param queuedAt      when it entered the queue, or null
 * @param assignedAt    when the current agent got it, or null
 * @param resolvedAt    when it was resolved, or null
 * @param createdAt     when the conversation began
 * @param updatedAt     its last change
 * @param revision      increases with every change
 */
public record Conversation(String id, ConversationStatus status, String channel, String customerId, String customerName,
                           String segment, boolean vip, String skill, String handoffReason, String summary, String agent,
                           Instant queuedAt, Instant assignedAt, Instant resolvedAt, Instant createdAt, Instant updatedAt,
                           long revision) {
}
