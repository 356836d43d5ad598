package io.huida.engine.dialog;

import java.time.Instant;

/**
 * One line of the transcript the bot keeps for the agent's summary; text has personal data masked.
 *
 * @param customer true for the customer's message, false for the bot's reply
 * @param text     the message, personal data masked
 * @param type     the bot reply's type, or the customer's recognised intent
 * @param at       when
 */
public record Turn(boolean customer, String text, String type, Instant at) {
}
