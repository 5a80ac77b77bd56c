package dev.kmslab.server;

import dev.kmslab.server.limits.TokenBuckets;
import dev.kmslab.server.tls.TlsIdentity;
import java.util.Optional;

/**
 * What protects an endpoint shared with a class: HTTPS with {@code tls} (plain HTTP when empty) and a token bucket per
 * access key ({@code rateLimits}; unlimited when empty). Kept apart from {@link ServerConfig} so the loopback defaults
 * stay as they were.
 */
public record Safeguards(Optional<TlsIdentity> tls, Optional<TokenBuckets> rateLimits) {

    public Safeguards {
        tls = tls == null ? Optional.empty() : tls;
        rateLimits = rateLimits == null ? Optional.empty() : rateLimits;
    }

    /** Plain HTTP, no limits: the loopback default. */
    public static Safeguards none() {
        return new Safeguards(Optional.empty(), Optional.empty());
    }

    public Safeguards withTls(TlsIdentity identity) {
        return new Safeguards(Optional.of(identity), rateLimits);
    }

    public Safeguards withRateLimits(TokenBuckets buckets) {
        return new Safeguards(tls, Optional.of(buckets));
    }
}
