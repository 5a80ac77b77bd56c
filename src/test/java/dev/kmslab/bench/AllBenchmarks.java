package dev.kmslab.bench;

import java.lang.reflect.Method;
import java.util.List;

/**
 * Runs every benchmark suite ({@code mvn -Pbench verify}). Each suite is a class in this package with a
 * {@code public static void run()} method; a suite that is absent from this build is reported and skipped.
 */
public final class AllBenchmarks {

    private static final List<String> SUITES = List.of(
            "EngineBenchmarks", "EnvelopeBenchmarks", "PolicyBenchmarks", "QuizBenchmarks",
            "AsymmetricBenchmarks", "HsmBenchmarks", "ServerBenchmarks");

    private AllBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        List<String> wanted = args.length == 0 ? SUITES : List.of(args);
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
