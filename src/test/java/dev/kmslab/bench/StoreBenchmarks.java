package dev.kmslab.bench;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.EngineConfig;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.audit.AuditLog;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.state.EngineState;
import dev.kmslab.engine.store.ChangeStorage;
import dev.kmslab.engine.store.EngineStateCodec;
import dev.kmslab.engine.store.JournalFileStorage;
import dev.kmslab.engine.store.KeystoreStorage;
import dev.kmslab.engine.store.SealedFileStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CreateKey through the engine onto a real disk (each call durable: fsync before it returns), with 100 keys stored and
 * with 10,000: the journal's cost must not grow with the keystore (target ratio ≤ 1.5). The single-file sealed
 * keystore, which rewrites everything on each change, is measured beside it for contrast with fewer calls.
 *
 * <p>The stored keys are made in memory and written as one snapshot, so setting up 10,000 keys takes seconds, not
 * 10,000 fsyncs. Rounds of the two sizes alternate so that a busy machine slows both alike; the mean of all calls
 * (compactions included) and the median are printed.
 */
public final class StoreBenchmarks {

    private static final CallerContext ROOT = CallerContext.root(EngineConfig.DEFAULT_ACCOUNT);
    private static final int ROUNDS = 6;
    private static final int CALLS_PER_ROUND = 150;

    private StoreBenchmarks() {
    }

    /** Keeps nothing on disk, only the last state, so a large keystore can be set up quickly. */
    private static final class LastState implements ChangeStorage {
        EngineState last;

        @Override
        public Optional<byte[]> load() {
            return Optional.empty();
        }

        @Override
        public void save(byte[] document) {
            throw new UnsupportedOperationException("changes only");
        }

        @Override
        public void saveChange(EngineState before, EngineState next) {
            last = next;
        }
    }

    public static void run() throws Exception {
        Path root = Files.createTempDirectory("kmslab-store-bench");
        try {
            journal(root);
            singleFile(root);
        } finally {
            try (Stream<Path> files = Files.walk(root)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void journal(Path root) throws Exception {
        KmsEngine small = open(JournalFileStorage.withKeyFile(seeded(root.resolve("journal-100"), 100),
                Clock.systemUTC()));
        KmsEngine large = open(JournalFileStorage.withKeyFile(seeded(root.resolve("journal-10000"), 10_000),
                Clock.systemUTC()));
        long[] smallNanos = new long[ROUNDS * CALLS_PER_ROUND];
        long[] largeNanos = new long[ROUNDS * CALLS_PER_ROUND];
        time(small, new long[CALLS_PER_ROUND], 0); // warm-up
        time(large, new long[CALLS_PER_ROUND], 0);
        for (int round = 0; round < ROUNDS; round++) {
            time(small, smallNanos, round * CALLS_PER_ROUND);
            time(large, largeNanos, round * CALLS_PER_ROUND);
        }
        double smallMean = mean(smallNanos);
        double largeMean = mean(largeNanos);
        Bench.report("store.journal_createkey_100keys", smallMean / 1e6, "ms");
        Bench.report("store.journal_createkey_10000keys", largeMean / 1e6, "ms", largeMean / smallMean,
                "store.journal_createkey_100keys");
        Bench.info("store.journal_createkey", String.format(Locale.ROOT, "median 100 keys %.3f ms, 10000 keys %.3f "
                + "ms, ratio %.3f; p99 100 keys %.3f ms, 10000 keys %.3f ms; %d calls each", median(smallNanos) / 1e6,
                median(largeNanos) / 1e6, median(largeNanos) / median(smallNanos), percentile(smallNanos, 0.99) / 1e6,
                percentile(largeNanos, 0.99) / 1e6, smallNanos.length));
    }

    /** The old single-file keystore, which rewrites all keys on each change: a few calls suffice to see the trend. */
    private static void singleFile(Path root) throws Exception {
        double[] means = new double[2];
        int[] sizes = {100, 2_000};
        for (int i = 0; i < sizes.length; i++) {
            Path dir = root.resolve("single-" + sizes[i]);
            SealedFileStorage storage = SealedFileStorage.withKeyFile(dir, Clock.systemUTC());
            storage.load();
            storage.save(EngineStateCodec.encode(stateWith(sizes[i])));
            KmsEngine engine = open(storage);
            long[] nanos = new long[30];
            time(engine, new long[10], 0);
            time(engine, nanos, 0);
            means[i] = mean(nanos);
        }
        Bench.report("store.singlefile_createkey_100keys", means[0] / 1e6, "ms");
        Bench.report("store.singlefile_createkey_2000keys", means[1] / 1e6, "ms", means[1] / means[0],
                "store.singlefile_createkey_100keys");
    }

    /** A data directory whose journal holds {@code keys} keys as one snapshot. */
    private static Path seeded(Path dir, int keys) throws Exception {
        JournalFileStorage storage = JournalFileStorage.withKeyFile(dir, Clock.systemUTC());
        storage.load();
        storage.save(EngineStateCodec.encode(stateWith(keys)));
        storage.close();
        return dir;
    }

    private static EngineState stateWith(int keys) throws Exception {
        LastState sink = new LastState();
        KmsEngine engine = open(sink);
        for (int i = 0; i < keys; i++) {
            engine.createKey(ROOT, CreateKeyRequest.symmetric());
        }
        return sink.last;
    }

    private static KmsEngine open(KeystoreStorage storage) throws Exception {
        return KmsEngine.open(EngineConfig.defaults().withStorage(storage).withAuditLog(AuditLog.inMemory(1000)));
    }

    private static void time(KmsEngine engine, long[] into, int from) {
        for (int i = from; i < from + CALLS_PER_ROUND && i < into.length; i++) {
            long start = System.nanoTime();
            engine.createKey(ROOT, CreateKeyRequest.symmetric());
            into[i] = System.nanoTime() - start;
        }
    }

    private static double mean(long[] nanos) {
        return Arrays.stream(nanos).average().orElse(0);
    }

    private static double median(long[] nanos) {
        return percentile(nanos, 0.5);
    }

    private static double percentile(long[] nanos, double p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p) - 1)];
    }
}
