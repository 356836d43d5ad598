package io.huida.server.routing;

import io.huida.server.conversation.ConversationStatus;

import java.time.Duration;

/**
 * Where a waiting customer stands.
 *
 * @param conversationId the conversation (session id)
 * @param status         its status; position and wait only mean something while QUEUED or PENDING
 * @param position       1 = next; counts the waiting conversations served before it that compete for the same
 *                       agents; 0 when it is not waiting
 * @param estimatedWait  position × recent average handling time ÷ capacity of the online agents who could take it;
 *                       null when not waiting or no such agent is online
 * @param agentsOnline   whether any agent is online (if not, the customer may leave a message)
 */
public record QueueInfo(String conversationId, ConversationStatus status, int position, Duration estimatedWait,
                        boolean agentsOnline) {
}
