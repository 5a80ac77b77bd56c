package dev.kmslab.engine;

import static dev.kmslab.engine.EngineFixture.CONTEXT;
import static dev.kmslab.engine.EngineFixture.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.model.DecryptRequest;
import dev.kmslab.engine.model.EncryptRequest;
import dev.kmslab.engine.model.EnableKeyRotationRequest;
import dev.kmslab.engine.model.ListKeyRotationsRequest;
import dev.kmslab.engine.model.RotateKeyOnDemandRequest;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Threads encrypting and decrypting while the key rotates must never fail and never lose a ciphertext. */
class ConcurrencyTest {

    @Test
    void parallelEncryptDecrypt_duringRotation_losesNothing() throws Exception {
        EngineFixture f = new EngineFixture();
        String keyId = f.newKey();
        f.engine.enableKeyRotation(ROOT, new EnableKeyRotationRequest(keyId, 90));
        int threads = 6;
        int perThread = 400;
        // each blob with the plaintext it was made from, checked again once the rotations are over
        ConcurrentLinkedQueue<byte[][]> blobs = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        AtomicBoolean done = new AtomicBoolean();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            workers.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < perThread; i++) {
                    byte[] plaintext = ByteBuffer.allocate(8).putInt(thread).putInt(i).array();
                    try {
                        byte[] blob = f.engine.encrypt(ROOT, EncryptRequest.of(keyId, plaintext, CONTEXT))
                                .ciphertextBlob();
                        byte[] back = f.engine.decrypt(ROOT, DecryptRequest.of(blob, CONTEXT)).plaintext();
                        if (!java.util.Arrays.equals(back, plaintext)) {
                            errors.add(new AssertionError("wrong plaintext"));
                        }
                        blobs.add(new byte[][] {plaintext, blob});
                    } catch (RuntimeException e) {
                        errors.add(e);
                    }
                }
                return null;
            }));
        }
        Future<?> rotator = pool.submit(() -> {
            start.await();
            int onDemand = 0;
            int automatic = 0;
            while (!done.get() && automatic < 100) {
                if (onDemand < 20) {
                    f.engine.rotateKeyOnDemand(ROOT, new RotateKeyOnDemandRequest(keyId));
                    onDemand++;
                }
                f.engine.advanceClock(Duration.ofDays(90));
                automatic++;
                Thread.sleep(1);
            }
            return null;
        });
        start.countDown();
        for (Future<?> worker : workers) {
            worker.get(60, TimeUnit.SECONDS);
        }
        done.set(true);
        rotator.get(10, TimeUnit.SECONDS);
        pool.shutdown();

        assertThat(errors).isEmpty();
        assertThat(blobs).hasSize(threads * perThread);
        java.util.Set<ByteBuffer> seen = new java.util.HashSet<>();
        for (byte[][] pair : blobs) {
            assertThat(f.engine.decrypt(ROOT, DecryptRequest.of(pair[1], CONTEXT)).plaintext())
                    .as("plaintext of thread %d, call %d", ByteBuffer.wrap(pair[0]).getInt(0),
                            ByteBuffer.wrap(pair[0]).getInt(4))
                    .isEqualTo(pair[0]);
            seen.add(ByteBuffer.wrap(pair[0]));
        }
        assertThat(seen).as("every call's plaintext, once").hasSize(threads * perThread);
        assertThat(f.engine.listKeyRotations(ROOT, new ListKeyRotationsRequest(keyId, 1000, null)).rotations())
                .hasSizeGreaterThan(1);
    }
}
