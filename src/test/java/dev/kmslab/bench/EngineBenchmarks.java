package dev.kmslab.bench;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.EngineConfig;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.SimulatedClock;
import dev.kmslab.engine.crypto.AesGcm;
import dev.kmslab.engine.crypto.AesKeyMaterial;
import dev.kmslab.engine.crypto.CiphertextBlob;
import dev.kmslab.engine.crypto.CryptoRandom;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.DecryptRequest;
import dev.kmslab.engine.model.EnableKeyRotationRequest;
import dev.kmslab.engine.model.EncryptRequest;
import dev.kmslab.engine.model.GenerateDataKeyRequest;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Engine throughput against raw JCA baselines measured in the same run: Encrypt+Decrypt of 4 KiB with a two-pair
 * context (authorization and audit on) vs raw AES-256-GCM encrypt+decrypt, by the account root under the default key
 * policy and by a role session under a realistic key policy; GenerateDataKey vs SecureRandom plus
 * AES-GCM; and 8 threads encrypting and decrypting while a ninth rotates the key.
 */
public final class EngineBenchmarks {

    private static final CallerContext ROOT = CallerContext.root(EngineConfig.DEFAULT_ACCOUNT);
    private static final Map<String, String> CONTEXT = Map.of("tenant", "acme", "purpose", "benchmark");
    private static long sink;

    private EngineBenchmarks() {
    }

    public static void run() throws Exception {
        encryptDecrypt4k();
        encryptDecrypt4kWithPolicy();
        generateDataKey();
        concurrent8Threads();
    }

    private static void encryptDecrypt4k() {
        KmsEngine engine = KmsEngine.inMemory();
        String keyId = engine.createKey(ROOT, CreateKeyRequest.symmetric()).keyMetadata().keyId();
        byte[] data = new byte[4096];
        Runnable engineOp = () -> {
            byte[] blob = engine.encrypt(ROOT, EncryptRequest.of(keyId, data, CONTEXT)).ciphertextBlob();
            sink += engine.decrypt(ROOT, DecryptRequest.of(blob, CONTEXT)).plaintext().length;
        };
        CryptoRandom random = CryptoRandom.create();
        AesKeyMaterial key = AesKeyMaterial.generate(random);
        byte[] aad = new byte[64];
        Runnable rawOp = () -> {
            byte[] iv = random.bytes(AesGcm.IV_LENGTH);
            byte[] sealed = AesGcm.encrypt(key, iv, aad, data);
            sink += AesGcm.decrypt(key, iv, aad, sealed).length;
        };
        compare("engine.encrypt_decrypt_4k", engineOp, "jca.aes256gcm_encrypt_decrypt_4k", rawOp);
        // Where the gap is: the blob format alone (header, context AAD, parse) with no call around it, vs the same
        // baseline, in the same alternating rounds. INFO only; the reported ratio above is unchanged.
        String blobKeyId = keyId;
        Runnable blobOp = () -> {
            byte[] blob = CiphertextBlob.seal(blobKeyId, 1, key, random.bytes(AesGcm.IV_LENGTH), CONTEXT, data);
            sink += CiphertextBlob.parse(blob).open(key, CONTEXT).length;
        };
        breakdown("engine.encrypt_decrypt_4k", engineOp, blobOp, rawOp);
        // The engine draws its IVs from the DRBG 64 at a time per thread (CryptoRandom.iv); the baseline above draws
        // each IV with its own request, as plain JCA code does. INFO only: the same baseline with batched IVs too.
        Runnable rawBatchedIvOp = () -> {
            byte[] iv = random.iv();
            byte[] sealed = AesGcm.encrypt(key, iv, aad, data);
            sink += AesGcm.decrypt(key, iv, aad, sealed).length;
        };
        double engineRate = 0;
        double batched = 0;
        double raw = 0;
        for (int round = 0; round < 5; round++) {
            engineRate = Math.max(engineRate, opsPerSecond(engineOp, 300)[0]);
            batched = Math.max(batched, opsPerSecond(rawBatchedIvOp, 300)[0]);
            raw = Math.max(raw, opsPerSecond(rawOp, 300)[0]);
        }
        Bench.info("engine.encrypt_decrypt_4k", String.format(java.util.Locale.ROOT, "IV draws: the baseline's one "
                + "DRBG request per IV costs %.0f ns of its %.0f ns per pair; against a baseline that also draws its "
                + "IVs in batches the ratio is %.3f (here %.3f against the reported baseline)", 1e9 / raw - 1e9 / batched,
                1e9 / raw, engineRate / batched, engineRate / raw));
    }

    /** Per Encrypt+Decrypt pair: nanoseconds of CPU for the baseline, the blob format's extra, the call's extra. */
    private static void breakdown(String name, Runnable engineOp, Runnable blobOp, Runnable rawOp) {
        warmUp(blobOp);
        double engine = 0;
        double blob = 0;
        double raw = 0;
        for (int round = 0; round < 5; round++) { // best of 5: on a busy machine single rounds move by 10%
            engine = Math.max(engine, opsPerSecond(engineOp, 300)[0]);
            blob = Math.max(blob, opsPerSecond(blobOp, 300)[0]);
            raw = Math.max(raw, opsPerSecond(rawOp, 300)[0]);
        }
        Bench.info(name, String.format(java.util.Locale.ROOT, "breakdown per pair: baseline %.0f ns, blob format "
                + "+%.0f ns (format alone ratio %.3f), engine call +%.0f ns (authorization, audit, key lookup, "
                + "validation); ratio here %.3f; 0.8 allows %.0f ns beyond the baseline", 1e9 / raw,
                1e9 / blob - 1e9 / raw, blob / raw, 1e9 / engine - 1e9 / blob, engine / raw, 1e9 / raw / 0.8 - 1e9 / raw));
    }

    /**
     * As {@link #encryptDecrypt4k()}, but a role session calls a key whose policy has the console's shape (IAM
     * delegation, key administrators, key users) plus a conditional statement, and the caller has an IAM policy:
     * every call evaluates four key policy statements and an identity policy and records the explanation.
     */
    private static void encryptDecrypt4kWithPolicy() {
        KmsEngine engine = KmsEngine.inMemory();
        String account = EngineConfig.DEFAULT_ACCOUNT;
        engine.principals().createRole(account, "KeyAdmin");
        engine.principals().createRole(account, "App");
        engine.principals().attachRolePolicy(account, "App", "list-aliases", "{\"Version\": \"2012-10-17\", "
                + "\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"kms:ListAliases\", \"Resource\": \"*\"}]}");
        String policy = "{\"Version\": \"2012-10-17\", \"Statement\": ["
                + "{\"Sid\": \"Enable IAM User Permissions\", \"Effect\": \"Allow\", \"Principal\": {\"AWS\": "
                + "\"arn:aws:iam::" + account + ":root\"}, \"Action\": \"kms:*\", \"Resource\": \"*\"},"
                + "{\"Sid\": \"Key administrators\", \"Effect\": \"Allow\", \"Principal\": {\"AWS\": "
                + "\"arn:aws:iam::" + account + ":role/KeyAdmin\"}, \"Action\": [\"kms:Create*\", \"kms:Describe*\", "
                + "\"kms:Enable*\", \"kms:List*\", \"kms:Put*\", \"kms:Update*\", \"kms:Revoke*\", \"kms:Disable*\", "
                + "\"kms:Get*\", \"kms:Delete*\", \"kms:ScheduleKeyDeletion\", \"kms:CancelKeyDeletion\"], "
                + "\"Resource\": \"*\"},"
                + "{\"Sid\": \"Key users\", \"Effect\": \"Allow\", \"Principal\": {\"AWS\": "
                + "\"arn:aws:iam::" + account + ":role/App\"}, \"Action\": [\"kms:Encrypt\", \"kms:Decrypt\", "
                + "\"kms:ReEncrypt*\", \"kms:GenerateDataKey*\", \"kms:DescribeKey\"], \"Resource\": \"*\", "
                + "\"Condition\": {\"StringEquals\": {\"kms:EncryptionContext:tenant\": \"acme\"}}},"
                + "{\"Sid\": \"No other tenants\", \"Effect\": \"Deny\", \"Principal\": \"*\", \"Action\": "
                + "\"kms:Decrypt\", \"Resource\": \"*\", \"Condition\": {\"StringNotEquals\": "
                + "{\"kms:EncryptionContext:tenant\": \"acme\"}}}]}";
        String keyId = engine.createKey(ROOT, CreateKeyRequest.withPolicy(policy)).keyMetadata().keyId();
        CallerContext app = CallerContext.of("arn:aws:sts::" + account + ":assumed-role/App/worker-1");
        byte[] data = new byte[4096];
        Runnable engineOp = () -> {
            byte[] blob = engine.encrypt(app, EncryptRequest.of(keyId, data, CONTEXT)).ciphertextBlob();
            sink += engine.decrypt(app, DecryptRequest.of(blob, CONTEXT)).plaintext().length;
        };
        CryptoRandom random = CryptoRandom.create();
        AesKeyMaterial key = AesKeyMaterial.generate(random);
        byte[] aad = new byte[64];
        Runnable rawOp = () -> {
            byte[] iv = random.bytes(AesGcm.IV_LENGTH);
            byte[] sealed = AesGcm.encrypt(key, iv, aad, data);
            sink += AesGcm.decrypt(key, iv, aad, sealed).length;
        };
        compare("engine.encrypt_decrypt_4k_policy", engineOp, "jca.aes256gcm_encrypt_decrypt_4k", rawOp);
    }

    private static void generateDataKey() {
        KmsEngine engine = KmsEngine.inMemory();
        String keyId = engine.createKey(ROOT, CreateKeyRequest.symmetric()).keyMetadata().keyId();
        GenerateDataKeyRequest request = GenerateDataKeyRequest.aes256(keyId, CONTEXT);
        Runnable engineOp = () -> sink += engine.generateDataKey(ROOT, request).ciphertextBlob().length;
        CryptoRandom random = CryptoRandom.create();
        AesKeyMaterial key = AesKeyMaterial.generate(random);
        byte[] aad = new byte[64];
        Runnable rawOp = () -> {
            byte[] dataKey = random.bytes(32);
            sink += AesGcm.encrypt(key, random.bytes(AesGcm.IV_LENGTH), aad, dataKey).length;
        };
        compare("engine.generate_data_key", engineOp, "jca.securerandom32_aes256gcm", rawOp);
    }

    /**
     * Alternates engine and baseline rounds after warm-up and reports the best round of each. Rounds are bounded and
     * rated by this thread's CPU time, as in PolicyBenchmarks: on a loaded machine wall-clock rounds mostly measure
     * how often the scheduler ran the thread, and the two sides of a ratio would not be comparable. The wall-clock
     * ratio is printed as information.
     */
    private static void compare(String name, Runnable engineOp, String baselineName, Runnable baselineOp) {
        // Two alternating warm-ups each: the first comparison of a run shares the 2 cores with the JIT compiler
        // threads, and with one second each its engine rounds were still partly unoptimised code.
        for (int i = 0; i < 2; i++) {
            warmUp(engineOp);
            warmUp(baselineOp);
        }
        double[] bestEngine = new double[2];
        double[] bestBaseline = new double[2];
        for (int round = 0; round < 5; round++) {
            keepBest(bestEngine, opsPerSecond(engineOp, 400));
            keepBest(bestBaseline, opsPerSecond(baselineOp, 400));
        }
        Bench.report(name, bestEngine[0], "ops/s", bestEngine[0] / bestBaseline[0], baselineName);
        Bench.info(name, String.format(java.util.Locale.ROOT, "baseline %.0f ops/s per CPU second; wall-clock "
                + "engine %.0f ops/s, baseline %.0f ops/s, ratio %.3f", bestBaseline[0], bestEngine[1],
                bestBaseline[1], bestEngine[1] / bestBaseline[1]));
    }

    private static void keepBest(double[] best, double[] rates) {
        best[0] = Math.max(best[0], rates[0]);
        best[1] = Math.max(best[1], rates[1]);
    }

    private static void warmUp(Runnable op) {
        opsPerSecond(op, 1000);
    }

    /** Runs {@code op} for {@code cpuMillis} of this thread's CPU time; returns {per CPU second, per wall second}. */
    private static double[] opsPerSecond(Runnable op, long cpuMillis) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long ops = 0;
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long cpu;
        do {
            for (int i = 0; i < 64; i++) {
                op.run();
            }
            ops += 64;
            cpu = threads.getCurrentThreadCpuTime() - cpuStart;
        } while (cpu < cpuMillis * 1_000_000L);
        return new double[] {ops * 1e9 / cpu, ops * 1e9 / (System.nanoTime() - start)};
    }

    private static void concurrent8Threads() throws Exception {
        SimulatedClock clock = SimulatedClock.startingNow();
        KmsEngine engine = KmsEngine.open(EngineConfig.defaults().withClock(clock));
        String keyId = engine.createKey(ROOT, CreateKeyRequest.symmetric()).keyMetadata().keyId();
        engine.enableKeyRotation(ROOT, new EnableKeyRotationRequest(keyId, 90));
        byte[] data = new byte[1024];
        AtomicLong ops = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong rotations = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(8);
        Thread[] workers = new Thread[8];
        for (int t = 0; t < workers.length; t++) {
            workers[t] = new Thread(() -> {
                try {
                    while (!stop.get()) {
                        byte[] blob = engine.encrypt(ROOT, EncryptRequest.of(keyId, data, CONTEXT)).ciphertextBlob();
                        engine.decrypt(ROOT, DecryptRequest.of(blob, CONTEXT));
                        ops.addAndGet(2);
                    }
                } catch (RuntimeException e) {
                    errors.incrementAndGet();
                } finally {
                    done.countDown();
                }
            });
        }
        // Automatic rotation through the simulated clock, so the 25-per-key on-demand limit does not apply.
        Thread rotator = new Thread(() -> {
            while (!stop.get()) {
                rotations.addAndGet(engine.advanceClock(Duration.ofDays(90)).size());
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        for (Thread worker : workers) {
            worker.start();
        }
        Thread.sleep(1000);
        ops.set(0);
        long start = System.nanoTime();
        rotator.start();
        Thread.sleep(3000);
        long counted = ops.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        stop.set(true);
        done.await();
        rotator.join();
        Bench.report("engine.concurrent_8t", counted / seconds, "ops/s");
        Bench.info("engine.concurrent_8t", "errors=" + errors.get() + " rotations=" + rotations.get());
    }
}
