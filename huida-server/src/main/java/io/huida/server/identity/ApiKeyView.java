package io.huida.server.identity;

import java.time.Instant;

/**
 * An API key as listed (never the key itself).
 *
 * @param prefix    the key's first 11 characters ({@code hk_} and 8 more), to tell keys apart
 * @param role      ADMIN, SUPERVISOR, AGENT or BOT
 * @param expiresAt null for a key that does not expire
 */
public record ApiKeyView(long id, String name, String prefix, String role, String createdBy, Instant createdAt,
                         Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {
}
