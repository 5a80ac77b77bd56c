package dev.kmslab.bench;

import java.lang.reflect.Method;
import java.util.List;

/**
 * Runs every benchmark suite ({@code mvn -Pbench verify}). Each suite is a class in this package with a
 * {@code public static void run()} method; a suite that is absent from this build is reported and skipped.
 * {@code -Dbench.suites=StoreBenchmarks,ServerBenchmarks} runs only the suites named.
 */
public final class AllBenchmarks {

    private static final List<String> SUITES = List.of(
            "EngineBenchmarks", "EnvelopeBenchmarks", "PolicyBenchmarks", "QuizBenchmarks",
            "AsymmetricBenchmarks", "HsmBenchmarks", "ServerBenchmarks", "StoreBenchmarks",
            "AuditBenchmarks");

    private AllBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        // Arguments name suites, comma-separated or not ({@code -Dbench.suites=...}); none or blank means all.
        List<String> wanted = new java.util.ArrayList<>();
        for (String arg : args) {
            for (String name : arg.split(",")) {
                if (!name.isBlank()) {
                    wanted.add(name.strip());
                }
            }
        }
        if (wanted.isEmpty()) {
            wanted = SUITES;
        }
        for (String suite : wanted) {
            Class<?> type;
            try {
                type = Class.forName(AllBenchmarks.class.getPackageName() + "." + suite);
            } catch (ClassNotFoundException e) {
                System.out.println("SKIP " + suite + " (not in this build)");
                continue;
            }
            Method run = type.getMethod("run");
            run.invoke(null);
        }
    }
}
