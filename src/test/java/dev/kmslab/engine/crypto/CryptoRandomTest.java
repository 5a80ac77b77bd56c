package dev.kmslab.engine.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class CryptoRandomTest {

    /** A generator whose output is a known counting sequence, to check what the IVs are made of. */
    private static final class CountingRandom extends SecureRandom {
        int next;
        int requests;

        @Override
        public synchronized void nextBytes(byte[] bytes) {
            requests++;
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) next++;
            }
        }
    }

    /** IVs are consecutive, never reused 12-byte pieces of the generator's output, drawn 64 at a time per thread. */
    @Test
    void ivs_areConsecutiveUnusedGeneratorOutput_drawnInBatches() {
        CountingRandom source = new CountingRandom();
        CryptoRandom random = new CryptoRandom(source);
        int count = CryptoRandom.IVS_PER_DRAW * 2 + 5; // across two batch boundaries
        for (int i = 0; i < count; i++) {
            byte[] iv = random.iv();
            assertThat(iv).hasSize(AesGcm.IV_LENGTH);
            for (int b = 0; b < iv.length; b++) {
                assertThat(iv[b]).as("IV %d byte %d", i, b).isEqualTo((byte) (i * AesGcm.IV_LENGTH + b));
            }
        }
        assertThat(source.requests).isEqualTo(3);

        byte[] target = new byte[20];
        random.iv(target, 5);
        assertThat(target[4]).isZero();
        assertThat(target[5]).isEqualTo((byte) (count * AesGcm.IV_LENGTH));
        assertThat(target[17]).isZero();
    }

    /** Threads draw their own batches: no IV is handed out twice, across threads or batches. */
    @Test
    void ivs_fromSeveralThreads_areAllDistinct() throws Exception {
        CryptoRandom random = CryptoRandom.create();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        List<Thread> threads = new ArrayList<>();
        int perThread = CryptoRandom.IVS_PER_DRAW * 5 + 3;
        for (int t = 0; t < 4; t++) {
            threads.add(new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    seen.add(java.util.HexFormat.of().formatHex(random.iv()));
                }
            }));
        }
        for (Thread thread : threads) {
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(seen).hasSize(4 * perThread);
        Set<String> fromTwoGenerators = new HashSet<>();
        fromTwoGenerators.add(java.util.HexFormat.of().formatHex(CryptoRandom.create().iv()));
        fromTwoGenerators.add(java.util.HexFormat.of().formatHex(CryptoRandom.create().iv()));
        assertThat(fromTwoGenerators).hasSize(2);
    }
}
