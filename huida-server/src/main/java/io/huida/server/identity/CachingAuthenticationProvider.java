package io.huida.server.identity;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers successful username/password checks for a short time, so that API clients using HTTP Basic do
 * not pay for a deliberately slow password hash (bcrypt, ~80 ms) on every request. Only a SHA-256 digest of
 * the presented password is kept, never the password; failures are never cached, and a user's entry is dropped
 * when their account changes.
 */
final class CachingAuthenticationProvider implements AuthenticationProvider {

    private static final int MAX_ENTRIES = 10_000;

    private record Entry(String digest, Authentication result, Instant expires) {
    }

    private final AuthenticationProvider delegate;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    CachingAuthenticationProvider(AuthenticationProvider delegate, Duration ttl, Clock clock) {
        this.delegate = delegate;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (credentials == null) {
            return delegate.authenticate(authentication);
        }
        String digest = Hashes.sha256(user + '\u0000' + credentials);
        Entry hit = cache.get(user);
        Instant now = clock.instant();
        if (hit != null && hit.digest().equals(digest) && now.isBefore(hit.expires())) {
            return hit.result();
        }
        Authentication result = delegate.authenticate(authentication);
        if (result != null && result.isAuthenticated()) {
            if (cache.size() >= MAX_ENTRIES) {
                cache.clear();
            }
            cache.put(user, new Entry(digest, result, now.plus(ttl)));
        }
        return result;
    }

    /** Forgets a user's remembered check once their account changed (password, role, disabled, deleted). */
    @org.springframework.context.event.EventListener
    void forget(UserAccountChanged changed) {
        if (changed.access()) {
            cache.remove(changed.username());
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
