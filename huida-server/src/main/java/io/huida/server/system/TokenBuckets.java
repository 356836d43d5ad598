package io.huida.server.system;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets by key (an IP address, a visitor session): each holds up to {@code perMinute} tokens and refills
 * continuously at that rate; a request takes one. Memory stays bounded: when more than {@code maxKeys} keys are
 * tracked, buckets that have refilled completely (idle keys, indistinguishable from new ones) are dropped, and if
 * that is not enough the oldest-touched half goes.
 */
final class TokenBuckets {

    private static final long MINUTE_NANOS = 60_000_000_000L;

    private final int perMinute;
    private final int maxKeys;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }

    TokenBuckets(int perMinute, int maxKeys, Clock clock) {
        if (perMinute < 1 || maxKeys < 1) {
            throw new IllegalArgumentException("perMinute and maxKeys must be at least 1, were " + perMinute + ", " + maxKeys);
        }
        this.perMinute = perMinute;
        this.maxKeys = maxKeys;
        this.clock = clock;
    }

    /** Takes a token for {@code key}: 0 when allowed, else the seconds until a token is available (at least 1). */
    long take(String key) {
        long now = nanos();
        if (buckets.size() >= maxKeys && !buckets.containsKey(key)) {
            evict(now);
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(perMinute, now));
        synchronized (bucket) {
            refill(bucket, now);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            double missing = 1 - bucket.tokens;
            return Math.max(1, (long) Math.ceil(missing * 60.0 / perMinute - 1e-9));
        }
    }

    int size() {
        return buckets.size();
    }

    private void refill(Bucket bucket, long now) {
        bucket.tokens = tokensAt(bucket, now);
        bucket.updated = now;
    }

    private double tokensAt(Bucket bucket, long now) {
        long elapsed = Math.max(0, now - bucket.updated);
        return Math.min(perMinute, bucket.tokens + (double) elapsed * perMinute / MINUTE_NANOS);
    }

    private synchronized void evict(long now) {
        if (buckets.size() < maxKeys) {
            return;
        }
        buckets.values().removeIf(b -> {
            synchronized (b) {
                return tokensAt(b, now) >= perMinute;
            }
        });
        if (buckets.size() >= maxKeys) {
            long[] times = buckets.values().stream().mapToLong(b -> b.updated).sorted().toArray();
            long median = times[times.length / 2];
            buckets.values().removeIf(b -> b.updated <= median);
        }
    }

    private long nanos() {
        return clock.millis() * 1_000_000L;
    }
}
