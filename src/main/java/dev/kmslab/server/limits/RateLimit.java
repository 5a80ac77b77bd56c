package dev.kmslab.server.limits;

import java.util.Locale;

/**
 * How many requests one access key may make: {@code perSecond} on average, with bursts of up to {@code burst}
 * requests at once (the size of its token bucket, which refills at {@code perSecond}).
 */
public record RateLimit(double perSecond, int burst) {

    /** What {@code serve} applies when it serves a class (beyond loopback or with {@code --class}). */
    public static final RateLimit CLASSROOM_DEFAULT = new RateLimit(20, 40);

    public RateLimit {
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("a rate limit must be a positive number of requests per second: "
                    + perSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("a burst must be at least 1 request: " + burst);
        }
    }

    /**
     * Reads {@code N/s} or {@code N/min} ({@code N} may have a fraction, e.g. {@code 0.5/s}); the burst defaults to
     * twice the per-second rate (at least 1).
     *
     * @throws IllegalArgumentException naming the expected form
     */
    public static RateLimit parse(String text) {
        String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        int slash = value.indexOf('/');
        if (slash <= 0) {
            throw new IllegalArgumentException("--rate-limit must look like 20/s or 600/min, not '" + text + "'");
        }
        String unit = value.substring(slash + 1);
        double divisor = switch (unit) {
            case "s", "sec", "second" -> 1;
            case "m", "min", "minute" -> 60;
            default -> throw new IllegalArgumentException("--rate-limit unit must be /s or /min, not '/" + unit
                    + "' in '" + text + "'");
        };
        double count;
        try {
            count = Double.parseDouble(value.substring(0, slash));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--rate-limit must start with a number, as in 20/s: '" + text + "'",
                    e);
        }
        double perSecond = count / divisor;
        return new RateLimit(perSecond, (int) Math.max(1, Math.ceil(perSecond * 2)));
    }

    public RateLimit withBurst(int newBurst) {
        return new RateLimit(perSecond, newBurst);
    }

    /** {@code 20 requests/s, bursts of 40}. */
    public String describe() {
        String rate = perSecond == Math.rint(perSecond) ? String.valueOf((long) perSecond)
                : String.format(Locale.ROOT, "%.3f", perSecond).replaceAll("0+$", "");
        return rate + " requests/s per access key, bursts of " + burst;
    }
}
