package io.huida.server.system;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimitTokenBucketsTest {

    private final MutableClock clock = new MutableClock();

    @Test
    void allowsTheLimitThenSaysHowLongToWaitAndRefillsSteadily() {
        TokenBuckets buckets = new TokenBuckets(3, 100, clock);
        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.take("a")).isEqualTo(20);
        assertThat(buckets.take("b")).as("another key has its own bucket").isZero();
        clock.advance(Duration.ofSeconds(19));
        assertThat(buckets.take("a")).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.take("a")).isEqualTo(20);
        clock.advance(Duration.ofHours(1));
        for (int i = 0; i < 3; i++) {
            assertThat(buckets.take("a")).as("a bucket never holds more than the limit").isZero();
        }
        assertThat(buckets.take("a")).isPositive();
    }

    @Test
    void memoryStaysBoundedDroppingIdleKeysFirst() {
        TokenBuckets buckets = new TokenBuckets(2, 10, clock);
        buckets.take("busy");
        buckets.take("busy");
        for (int i = 0; i < 9; i++) {
            buckets.take("idle-" + i);
        }
        clock.advance(Duration.ofSeconds(40));
        buckets.take("new");
        assertThat(buckets.size()).isLessThanOrEqualTo(10);
        assertThat(buckets.take("busy")).as("the busy key was kept: one token refilled, none left after").isZero();
        assertThat(buckets.take("busy")).isPositive();
        for (int i = 0; i < 10_000; i++) {
            buckets.take("flood-" + i);
        }
        assertThat(buckets.size()).isLessThanOrEqualTo(10);
    }

    @Test
    void rejectsNonsenseLimits() {
        assertThatThrownBy(() -> new TokenBuckets(0, 10, clock)).hasMessage("perMinute and maxKeys must be at least 1, were 0, 10");
        assertThatThrownBy(() -> new RateLimitProperties(null, 0, null, null, false, null))
                .hasMessage("huida.rate-limit.sessions-per-ip must be at least 1, was 0");
        RateLimitProperties defaults = new RateLimitProperties(null, null, null, null, false, null);
        assertThat(defaults.enabled()).isTrue();
        assertThat(defaults.sessionsPerIp()).isEqualTo(20);
        assertThat(defaults.messagesPerVisitor()).isEqualTo(30);
        assertThat(defaults.messagesPerIp()).isEqualTo(120);
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-22T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
