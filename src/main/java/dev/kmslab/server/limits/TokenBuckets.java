package dev.kmslab.server.limits;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per access key: each bucket holds up to {@link RateLimit#burst()} tokens, refills at
 * {@link RateLimit#perSecond()} and a request takes one token; with none left the request is refused (the endpoint
 * answers {@code ThrottlingException}, as KMS does when a request quota is exceeded). Keys do not share buckets, so one
 * student's loop exhausts only that student's bucket. Time comes from a nanosecond source so tests can move it.
 */
public final class TokenBuckets {

    private final RateLimit limit;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public TokenBuckets(RateLimit limit, LongSupplier nanoTime) {
        this.limit = Objects.requireNonNull(limit, "limit");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /** On the JVM's monotonic clock. */
    public static TokenBuckets systemClock(RateLimit limit) {
        return new TokenBuckets(limit, System::nanoTime);
    }

    public RateLimit limit() {
        return limit;
    }

    /** Takes a token from {@code accessKeyId}'s bucket; false when it is empty. */
    public boolean tryAcquire(String accessKeyId) {
        return buckets.computeIfAbsent(accessKeyId, id -> new Bucket(limit.burst(), nanoTime.getAsLong()))
                .tryTake(nanoTime.getAsLong());
    }

    private final class Bucket {
        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        synchronized boolean tryTake(long now) {
            long elapsed = now - refilledAt;
            if (elapsed > 0) {
                tokens = Math.min(limit.burst(), tokens + elapsed / 1e9 * limit.perSecond());
                refilledAt = now;
            }
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }
}
