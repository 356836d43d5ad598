package io.huida.server.system;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Optional;

/**
 * The public endpoints' rate limits ({@link RateLimitProperties}), for {@link RateLimitFilter} and for transports the
 * filter does not see (messages arriving over a WebSocket): new visitor sessions per IP address, visitor messages per
 * session and per IP address.
 */
@Component
public class RateLimits {

    /** A refusal: how long to wait and which limit was hit. */
    public record Denied(long retryAfterSeconds, String reason) {
    }

    private final RateLimitProperties properties;
    private final TokenBuckets sessionsPerIp;
    private final TokenBuckets messagesPerVisitor;
    private final TokenBuckets messagesPerIp;

    RateLimits(RateLimitProperties properties) {
        this.properties = properties;
        Clock clock = Clock.systemUTC();
        this.sessionsPerIp = new TokenBuckets(properties.sessionsPerIp(), properties.maxKeys(), clock);
        this.messagesPerVisitor = new TokenBuckets(properties.messagesPerVisitor(), properties.maxKeys(), clock);
        this.messagesPerIp = new TokenBuckets(properties.messagesPerIp(), properties.maxKeys(), clock);
    }

    /** Whether limits apply at all ({@code huida.rate-limit.enabled}). */
    public boolean enabled() {
        return properties.enabled();
    }

    /** Takes one new visitor session for {@code ip}; empty when allowed. */
    public Optional<Denied> newSession(String ip) {
        return denied(sessionsPerIp.take(ip),
                "at most " + properties.sessionsPerIp() + " new chat sessions a minute from one address");
    }

    /** Takes one message of visitor session {@code visitor} from {@code ip}; empty when allowed. */
    public Optional<Denied> visitorMessage(String visitor, String ip) {
        Optional<Denied> perVisitor = denied(messagesPerVisitor.take(visitor),
                "at most " + properties.messagesPerVisitor() + " messages a minute in one chat session");
        return perVisitor.isPresent() ? perVisitor : denied(messagesPerIp.take(ip),
                "at most " + properties.messagesPerIp() + " chat messages a minute from one address");
    }

    private Optional<Denied> denied(long wait, String limit) {
        return !properties.enabled() || wait == 0 ? Optional.empty()
                : Optional.of(new Denied(wait, limit + "; retry in " + wait + " s"));
    }
}
