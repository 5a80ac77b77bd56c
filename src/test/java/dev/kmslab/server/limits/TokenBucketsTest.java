package dev.kmslab.server.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @Test
    void aBurstPasses_thenTheKeyIsRefused_untilTimeRefillsItsBucket() {
        TokenBuckets buckets = new TokenBuckets(new RateLimit(2, 3), nanos::get);

        assertThat(buckets.tryAcquire("AKIAALICE")).isTrue();
        assertThat(buckets.tryAcquire("AKIAALICE")).isTrue();
        assertThat(buckets.tryAcquire("AKIAALICE")).isTrue();
        assertThat(buckets.tryAcquire("AKIAALICE")).isFalse();

        nanos.addAndGet(499_000_000L); // 0.998 tokens: still not one
        assertThat(buckets.tryAcquire("AKIAALICE")).isFalse();
        nanos.addAndGet(1_000_000L);
        assertThat(buckets.tryAcquire("AKIAALICE")).isTrue();
        assertThat(buckets.tryAcquire("AKIAALICE")).isFalse();

        nanos.addAndGet(60_000_000_000L); // a minute refills only up to the burst
        for (int i = 0; i < 3; i++) {
            assertThat(buckets.tryAcquire("AKIAALICE")).isTrue();
        }
        assertThat(buckets.tryAcquire("AKIAALICE")).isFalse();
    }

    @Test
    void oneKeysLoop_doesNotTouchAnotherKeysBucket() {
        TokenBuckets buckets = new TokenBuckets(new RateLimit(1, 1), nanos::get);
        assertThat(buckets.tryAcquire("AKIALOOP")).isTrue();
        assertThat(buckets.tryAcquire("AKIALOOP")).isFalse();
        assertThat(buckets.tryAcquire("AKIABOB")).isTrue();
    }

    @Test
    void parse_readsPerSecondAndPerMinute_withTwiceTheRateAsBurst() {
        assertThat(RateLimit.parse("20/s")).isEqualTo(new RateLimit(20, 40));
        assertThat(RateLimit.parse("600/min")).isEqualTo(new RateLimit(10, 20));
        assertThat(RateLimit.parse("0.5/s")).isEqualTo(new RateLimit(0.5, 1));
        assertThat(RateLimit.parse("20/s").withBurst(5).describe())
                .isEqualTo("20 requests/s per access key, bursts of 5");
    }

    @Test
    void parse_namesTheExpectedForm() {
        assertThatThrownBy(() -> RateLimit.parse("20")).hasMessage("--rate-limit must look like 20/s or 600/min, "
                + "not '20'");
        assertThatThrownBy(() -> RateLimit.parse("20/h")).hasMessage("--rate-limit unit must be /s or /min, not "
                + "'/h' in '20/h'");
        assertThatThrownBy(() -> RateLimit.parse("many/s")).hasMessage("--rate-limit must start with a number, as "
                + "in 20/s: 'many/s'");
        assertThatThrownBy(() -> RateLimit.parse("0/s")).hasMessageContaining("must be a positive number");
    }
}
