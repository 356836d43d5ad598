package io.huida.server.identity;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * API keys for programs calling the REST API ({@code X-Api-Key}): {@code hk_} and 32 random base62 characters, shown
 * once when created. Only the key's SHA-256 hash is stored, found by its first 11 characters. Keys act with their
 * role (ADMIN, SUPERVISOR, AGENT, or BOT: bot and NLU endpoints only); revoked and expired keys are refused.
 */
@Service
class ApiKeys {

    static final Set<String> ROLES = Set.of("ADMIN", "SUPERVISOR", "AGENT", "BOT");
    static final int PREFIX_LENGTH = 11;
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);
    private static final String COLUMNS = "id, name, prefix, role, created_by, created_at, expires_at, revoked_at, last_used_at";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiKeys(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = Clock.systemUTC();
    }

    /** A request for a new key; {@code expiresAt} may be null (never expires). */
    record NewKey(String name, String role, Instant expiresAt) {
    }

    /** A new key: the only time {@code key} is shown. */
    record Created(ApiKeyView apiKey, String key) {
    }

    Created create(String actor, NewKey request) {
        if (request == null || request.name() == null || request.name().isBlank() || request.name().strip().length() > 100) {
            throw new IllegalArgumentException("name is required, at most 100 characters");
        }
        String role = request.role() == null ? "" : request.role().strip().toUpperCase(java.util.Locale.ROOT);
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("role must be one of ADMIN, SUPERVISOR, AGENT, BOT, was '" + request.role() + "'");
        }
        Instant now = clock.instant();
        if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
            throw new IllegalArgumentException("expiresAt must be in the future, was " + request.expiresAt());
        }
        String key;
        do {
            key = generate();
        } while (find(key.substring(0, PREFIX_LENGTH)).isPresent());
        String name = request.name().strip();
        String prefix = key.substring(0, PREFIX_LENGTH);
        jdbc.sql("insert into api_key (name, prefix, key_hash, role, created_by, created_at, expires_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?)")
                .params(name, prefix, Hashes.sha256(key), role, actor, Timestamp.from(now),
                        request.expiresAt() == null ? null : Timestamp.from(request.expiresAt()))
                .update();
        ApiKeyView view = find(prefix).orElseThrow();
        events.publishEvent(new ApiKeyChanged(actor, view.id(), name, prefix, role, ApiKeyChanged.Kind.CREATED));
        return new Created(view, key);
    }

    List<ApiKeyView> list() {
        return jdbc.sql("select " + COLUMNS + " from api_key order by id desc").query(ApiKeys::view).list();
    }

    /** Revokes a key (again: no change). */
    void revoke(String actor, long id) {
        ApiKeyView key = jdbc.sql("select " + COLUMNS + " from api_key where id = ?").param(id).query(ApiKeys::view)
                .optional().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no API key " + id));
        if (key.revokedAt() == null) {
            jdbc.sql("update api_key set revoked_at = ? where id = ?").params(Timestamp.from(clock.instant()), id).update();
            events.publishEvent(new ApiKeyChanged(actor, id, key.name(), key.prefix(), key.role(), ApiKeyChanged.Kind.REVOKED));
        }
    }

    /** The outcome of checking a presented key: the key, or why it is refused. */
    record Check(ApiKeyView key, String refusal) {
    }

    /** Checks a presented key and notes its use (at most once a minute). */
    Check check(String presented) {
        if (presented == null || presented.length() != PREFIX_LENGTH + 24 || !presented.startsWith("hk_")) {
            return new Check(null, "the API key is malformed");
        }
        String prefix = presented.substring(0, PREFIX_LENGTH);
        byte[] presentedHash = Hashes.sha256(presented).getBytes(StandardCharsets.US_ASCII);
        Optional<ApiKeyView> found = jdbc.sql("select " + COLUMNS + ", key_hash from api_key where prefix = ?").param(prefix)
                .query((rs, n) -> MessageDigest.isEqual(rs.getString("key_hash").getBytes(StandardCharsets.US_ASCII), presentedHash)
                        ? view(rs, n) : null)
                .list().stream().filter(java.util.Objects::nonNull).findFirst();
        if (found.isEmpty()) {
            return new Check(null, "the API key is unknown");
        }
        ApiKeyView key = found.get();
        Instant now = clock.instant();
        if (key.revokedAt() != null) {
            return new Check(null, "the API key '" + key.name() + "' was revoked");
        }
        if (key.expiresAt() != null && !now.isBefore(key.expiresAt())) {
            return new Check(null, "the API key '" + key.name() + "' expired at " + key.expiresAt());
        }
        if (key.lastUsedAt() == null || key.lastUsedAt().isBefore(now.minus(TOUCH_INTERVAL))) {
            jdbc.sql("update api_key set last_used_at = ? where id = ?").params(Timestamp.from(now), key.id()).update();
        }
        return new Check(key, null);
    }

    private Optional<ApiKeyView> find(String prefix) {
        return jdbc.sql("select " + COLUMNS + " from api_key where prefix = ?").param(prefix).query(ApiKeys::view).optional();
    }

    private String generate() {
        StringBuilder sb = new StringBuilder("hk_");
        for (int i = 0; i < 32; i++) {
            sb.append(BASE62.charAt(random.nextInt(BASE62.length())));
        }
        return sb.toString();
    }

    private static ApiKeyView view(ResultSet rs, int row) throws SQLException {
        return new ApiKeyView(rs.getLong("id"), rs.getString("name"), rs.getString("prefix"), rs.getString("role"),
                rs.getString("created_by"), instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("expires_at")),
                instant(rs.getTimestamp("revoked_at")), instant(rs.getTimestamp("last_used_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
