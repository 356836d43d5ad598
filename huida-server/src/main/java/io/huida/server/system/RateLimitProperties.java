package io.huida.server.system;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits on the public endpoints, per minute ({@code huida.rate-limit.*}, {@code HUIDA_RATE_LIMIT_*}).
 *
 * @param enabled            switch all limits off with {@code false}
 * @param sessionsPerIp      new visitor sessions ({@code POST /api/v1/visitor/sessions}) per IP address
 * @param messagesPerVisitor bot messages per visitor session (visitor-token callers)
 * @param messagesPerIp      bot messages per IP address (visitor-token callers)
 * @param trustForwarded     take the client address from {@code X-Forwarded-For} (only behind your own proxy)
 * @param maxKeys            most addresses and sessions tracked at once; idle ones are dropped first
 */
@ConfigurationProperties("huida.rate-limit")
public record RateLimitProperties(Boolean enabled, Integer sessionsPerIp, Integer messagesPerVisitor,
                                  Integer messagesPerIp, boolean trustForwarded, Integer maxKeys) {

    public RateLimitProperties {
        enabled = enabled == null || enabled;
        sessionsPerIp = positive("sessions-per-ip", sessionsPerIp, 20);
        messagesPerVisitor = positive("messages-per-visitor", messagesPerVisitor, 30);
        messagesPerIp = positive("messages-per-ip", messagesPerIp, 120);
        maxKeys = positive("max-keys", maxKeys, 100_000);
    }

    private static int positive(String name, Integer value, int fallback) {
        if (value == null) {
            return fallback;
        }
        if (value < 1) {
            throw new IllegalArgumentException("huida.rate-limit." + name + " must be at least 1, was " + value);
        }
        return value;
    }
}
