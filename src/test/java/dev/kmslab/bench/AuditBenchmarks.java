package dev.kmslab.bench;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.EngineConfig;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.audit.AuditLog;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.EncryptRequest;
import dev.kmslab.engine.store.InMemoryKeystoreStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What writing every audit event to the OS before the call returns costs the Encrypt hot path (as {@code serve} does,
 * so a SIGKILL loses no answered call's event): 8 threads Encrypt 1 KiB with the audit log on a file, against the
 * same with the audit log in memory only, rounds alternating; the ratio (file / memory throughput) and the file
 * side's p99 latency are printed. No Encrypt forces its own line to the device; the only fsyncs are the rotations
 * of the full file, counted and printed.
 */
public final class AuditBenchmarks {

    private static final CallerContext ROOT = CallerContext.root(EngineConfig.DEFAULT_ACCOUNT);
    private static final Map<String, String> CONTEXT = Map.of("tenant", "acme");
    private static final int THREADS = 8;

    private AuditBenchmarks() {
    }

    public static void run() throws Exception {
        Path dir = Files.createTempDirectory("kmslab-audit-bench");
        double bestFile = 0;
        double bestMemory = 0;
        long[] fileLatencies = new long[0];
        long forces = 0;
        try {
            for (int round = 0; round < 3; round++) {
                Path file = dir.resolve("audit-" + round + ".jsonl");
                try (AuditLog log = AuditLog.toFile(file, AuditLog.DEFAULT_MAX_FILE_BYTES)) {
                    Result result = encrypt8Threads(log);
                    if (result.opsPerSecond > bestFile) {
                        bestFile = result.opsPerSecond;
                        fileLatencies = result.latencies;
                    }
                    forces += result.forces;
                }
                bestMemory = Math.max(bestMemory, encrypt8Threads(AuditLog.inMemory(1000)).opsPerSecond);
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
        Bench.report("audit.encrypt_1k_8t_file", bestFile, "ops/s", bestFile / bestMemory,
                "audit.encrypt_1k_8t_memory");
        Arrays.sort(fileLatencies);
        double p99 = fileLatencies.length == 0 ? 0 : fileLatencies[(int) (fileLatencies.length * 0.99)] / 1e6;
        Bench.info("audit.encrypt_1k_8t_file", String.format(Locale.ROOT, "memory %.0f ops/s; file p99 %.3f ms; "
                + "fsyncs during Encrypt rounds %d (rotations of the full file)", bestMemory, p99, forces));
    }

    private record Result(double opsPerSecond, long[] latencies, long forces) {
    }

    private static Result encrypt8Threads(AuditLog log) throws Exception {
        KmsEngine engine = KmsEngine.open(EngineConfig.defaults().withAuditLog(log)
                .withStorage(new InMemoryKeystoreStorage()));
        String keyId = engine.createKey(ROOT, CreateKeyRequest.symmetric()).keyMetadata().keyId();
        byte[] data = new byte[1024];
        AtomicBoolean counting = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong ops = new AtomicLong();
        long[][] samples = new long[THREADS][20_000];
        int[] sampled = new int[THREADS];
        Thread[] workers = new Thread[THREADS];
        for (int t = 0; t < THREADS; t++) {
            int index = t;
            workers[t] = new Thread(() -> {
                while (!stop.get()) {
                    long start = System.nanoTime();
                    engine.encrypt(ROOT, EncryptRequest.of(keyId, data, CONTEXT));
                    long took = System.nanoTime() - start;
                    if (counting.get()) {
                        ops.incrementAndGet();
                        if (sampled[index] < samples[index].length) {
                            samples[index][sampled[index]++] = took;
                        }
                    }
                }
            });
            workers[t].start();
        }
        Thread.sleep(700); // warm-up
        long forcesBefore = log.fileForces();
        counting.set(true);
        long start = System.nanoTime();
        Thread.sleep(2000);
        long counted = ops.get();
        long forces = log.fileForces() - forcesBefore;
        double seconds = (System.nanoTime() - start) / 1e9;
        stop.set(true);
        for (Thread worker : workers) {
            worker.join();
        }
        long[] all = new long[Arrays.stream(sampled).sum()];
        int at = 0;
        for (int t = 0; t < THREADS; t++) {
            System.arraycopy(samples[t], 0, all, at, sampled[t]);
            at += sampled[t];
        }
        return new Result(counted / seconds, all, forces);
    }
}
