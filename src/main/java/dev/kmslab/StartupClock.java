package dev.kmslab;

import java.lang.management.ManagementFactory;

/**
 * Time since the JVM started, for {@code --startup-probe} and {@code -Dkmslab.startupTrace=true}. The start time
 * comes from the runtime bean; reading it loads java.management (some 40 classes), so the preload thread reads it
 * once, off the FX thread, and the probe only subtracts.
 */
final class StartupClock {

    private static final boolean TRACE = Boolean.getBoolean("kmslab.startupTrace");

    private static volatile long jvmStart;

    private StartupClock() {
    }

    /** The wall-clock time the JVM started, in epoch milliseconds. */
    static long jvmStartMillis() {
        long start = jvmStart;
        if (start == 0) {
            // Started by FastStart: count from the first JVM, which is when the user asked for the app.
            Long first = Long.getLong(FastStart.FIRST_JVM_START);
            start = first != null ? first : ManagementFactory.getRuntimeMXBean().getStartTime();
            jvmStart = start;
        }
        return start;
    }

    static long sinceJvmStart() {
        return System.currentTimeMillis() - jvmStartMillis();
    }

    /**
     * With {@code -Dkmslab.startupTrace=true}, prints how far start-up has got, and how much CPU the calling thread
     * has used: other processes on the machine make wall-clock time noisy, the FX thread's CPU time much less so.
     */
    static void trace(String phase) {
        if (TRACE) {
            long cpuMs = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
            System.err.println("startup " + phase + " at " + sinceJvmStart() + " ms ("
                    + Thread.currentThread().getName() + " CPU " + cpuMs + " ms)");
        }
    }
}
