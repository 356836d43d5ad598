package io.huida.server.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Routing settings, bound from {@code huida.routing.*} (or {@code HUIDA_ROUTING_*}).
 *
 * @param acceptTimeout       an assignment the agent has not accepted within this is requeued and goes to another agent
 *                            (default 60 s)
 * @param skillWait           how long a conversation waits for an online agent with its skill before any online agent
 *                            may take it (default 60 s)
 * @param refusalMemory       how long an agent who let a conversation time out is not offered it again (default 10 min)
 * @param tick                how often the router looks at the queue and the timers without being asked (default 1 s)
 * @param defaultHandlingTime a conversation's handling time for the wait estimate before any was measured (default 3 min)
 */
@ConfigurationProperties("huida.routing")
public record RoutingProperties(Duration acceptTimeout, Duration skillWait, Duration refusalMemory, Duration tick,
                                Duration defaultHandlingTime) {

    public RoutingProperties {
        acceptTimeout = positive(acceptTimeout, Duration.ofSeconds(60), "accept-timeout");
        skillWait = skillWait == null ? Duration.ofSeconds(60) : skillWait;
        refusalMemory = refusalMemory == null ? Duration.ofMinutes(10) : refusalMemory;
        tick = positive(tick, Duration.ofSeconds(1), "tick");
        defaultHandlingTime = positive(defaultHandlingTime, Duration.ofMinutes(3), "default-handling-time");
        if (skillWait.isNegative() || refusalMemory.isNegative()) {
            throw new IllegalArgumentException("huida.routing.skill-wait and refusal-memory must not be negative");
        }
    }

    private static Duration positive(Duration d, Duration fallback, String name) {
        if (d == null) {
            return fallback;
        }
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("huida.routing." + name + " must be positive, not " + d);
        }
        return d;
    }
}
