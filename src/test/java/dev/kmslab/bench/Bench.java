package dev.kmslab.bench;

import java.util.Locale;

/** Prints benchmark results in the one line format the README documents. */
public final class Bench {

    private Bench() {
    }

    /** {@code BENCH <name> <value> <unit> ratio=<r> baseline=<name>}; the baseline is measured in the same run. */
    public static void report(String name, double value, String unit, double ratio, String baseline) {
        System.out.println(String.format(Locale.ROOT, "BENCH %s %.2f %s ratio=%.3f baseline=%s",
                name, value, unit, ratio, baseline));
    }

    /** A result with no baseline (for example a latency or an absolute rate). */
    public static void report(String name, double value, String unit) {
        System.out.println(String.format(Locale.ROOT, "BENCH %s %.2f %s", name, value, unit));
    }

    /** Supplementary information printed beside a result, e.g. peak heap. */
    public static void info(String name, String text) {
        System.out.println("INFO " + name + " " + text);
    }
}
