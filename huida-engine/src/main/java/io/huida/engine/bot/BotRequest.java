package io.huida.engine.bot;

import java.time.Instant;
import java.util.Objects;

/**
 * A customer message to the bot.
 *
 * @param text    the message, 1 to {@link #MAX_TEXT_LENGTH} characters, not blank
 * @param channel where it came from ({@code web}, {@code wechat}, {@code api} …), selects answer variants
 * @param segment customer segment ({@code vip} …) or null, selects answer variants
 * @param now     the time the message is answered at (FAQ validity windows are checked against it)
 */
public record BotRequest(String text, String channel, String segment, Instant now) {

    /** Longest message accepted. */
    public static final int MAX_TEXT_LENGTH = 2000;

    public BotRequest {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("text must not be empty");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("text has " + text.length() + " characters, more than " + MAX_TEXT_LENGTH);
        }
        channel = channel == null || channel.isBlank() ? "api" : channel.strip().toLowerCase(java.util.Locale.ROOT);
        segment = segment == null || segment.isBlank() ? null : segment.strip().toLowerCase(java.util.Locale.ROOT);
        Objects.requireNonNull(now, "now");
    }

    /** A message on the API channel, answered now. */
    public static BotRequest of(String text) {
        return new BotRequest(text, "api", null, Instant.now());
    }
}
