package io.huida.server.identity;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a person signed in to Huida may do: ADMIN runs the system, SUPERVISOR oversees agents, AGENT chats. */
public enum Role {
    ADMIN, SUPERVISOR, AGENT;

    /** The role named by {@code name} (case-insensitive); the message lists the valid names. */
    public static Role parse(String name) {
        if (name != null) {
            for (Role role : values()) {
                if (role.name().equals(name.strip().toUpperCase(Locale.ROOT))) {
                    return role;
                }
            }
        }
        throw new IllegalArgumentException("role must be one of " + names(values()) + ", was '" + name + "'");
    }

    static String names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
    }
}
