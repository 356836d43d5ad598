package io.huida.server.routing;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Whether an agent takes conversations: only ONLINE agents are routed to; AWAY keeps what it has; OFFLINE gives back
 * what it has not accepted yet.
 */
public enum AgentStatus {
    ONLINE, AWAY, OFFLINE;

    /** The status named {@code value} (any case); the exception names the bad value and the allowed ones. */
    public static AgentStatus parse(String value) {
        if (value != null) {
            for (AgentStatus s : values()) {
                if (s.name().equals(value.strip().toUpperCase(Locale.ROOT))) {
                    return s;
                }
            }
        }
        throw new IllegalArgumentException("status '" + value + "' is not one of "
                + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
    }
}
