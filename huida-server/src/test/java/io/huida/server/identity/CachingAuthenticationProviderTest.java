package io.huida.server.identity;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachingAuthenticationProviderTest {

    private final AtomicInteger checks = new AtomicInteger();
    private final AuthenticationProvider slow = new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication a) {
            checks.incrementAndGet();
            if (!"right".equals(a.getCredentials())) {
                throw new BadCredentialsException("bad credentials for " + a.getName());
            }
            return UsernamePasswordAuthenticationToken.authenticated(a.getName(), null, AuthorityUtils.createAuthorityList("ROLE_ADMIN"));
        }

        @Override
        public boolean supports(Class<?> c) {
            return true;
        }
    };

    @Test
    void cachesOnlySuccessesAndOnlyForTheSamePasswordUntilExpiry() {
        MutableClock clock = new MutableClock();
        CachingAuthenticationProvider provider = new CachingAuthenticationProvider(slow, Duration.ofMinutes(5), clock);
        assertThat(provider.authenticate(token("right")).isAuthenticated()).isTrue();
        assertThat(provider.authenticate(token("right")).getName()).isEqualTo("admin");
        assertThat(checks.get()).isEqualTo(1);

        assertThatThrownBy(() -> provider.authenticate(token("wrong"))).hasMessage("bad credentials for admin");
        assertThatThrownBy(() -> provider.authenticate(token("wrong"))).isInstanceOf(BadCredentialsException.class);
        assertThat(checks.get()).isEqualTo(3);

        clock.now = clock.now.plus(Duration.ofMinutes(6));
        provider.authenticate(token("right"));
        assertThat(checks.get()).isEqualTo(4);
    }

    @Test
    void forgetsAUserWhoseAccountChanged() {
        CachingAuthenticationProvider provider = new CachingAuthenticationProvider(slow, Duration.ofMinutes(5), new MutableClock());
        provider.authenticate(token("right"));
        provider.forget(new UserAccountChanged("root", "someone-else", UserAccountChanged.Kind.CHANGED, "disabled", true));
        provider.forget(new UserAccountChanged("root", "admin", UserAccountChanged.Kind.CHANGED, "team a -> b", false));
        provider.authenticate(token("right"));
        assertThat(checks.get()).isEqualTo(1);
        provider.forget(new UserAccountChanged("root", "admin", UserAccountChanged.Kind.CHANGED, "disabled", true));
        provider.authenticate(token("right"));
        assertThat(checks.get()).as("checked again after the change").isEqualTo(2);
    }

    private static UsernamePasswordAuthenticationToken token(String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated("admin", password);
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
