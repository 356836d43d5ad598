package io.huida.server.identity;

import java.time.Instant;

/**
 * A user as other features and the API see it (never the password hash).
 *
 * @param team the team the user works in (routing, supervision), or null
 */
public record UserView(String username, String displayName, Role role, boolean enabled, String team,
                       Instant createdAt, Instant updatedAt) {
}
