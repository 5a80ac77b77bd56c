package dev.kmslab.bench;

import dev.kmslab.engine.envelope.EnvelopeOptions;
import dev.kmslab.engine.envelope.FakeDataKeyProvider;
import dev.kmslab.engine.esdk.MessageCrypto;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code engine.envelope_stream_256m}: envelope encryption of a generated 256 MiB stream in the AWS Encryption SDK
 * message format (the official SDK, default committing and signed suite, 64 KiB frames) against raw JCA AES-256-GCM
 * over the same bytes in the same 64 KiB frames (both read the same kind of stream and write to a discarding sink,
 * so the ratio is the envelope's own overhead). Peak heap is printed for a 64 MiB and a 256 MiB run to show that
 * memory does not grow with the stream.
 */
public final class EnvelopeBenchmarks {

    private static final long MIB = 1024 * 1024;
    private static final int FRAME = EnvelopeOptions.DEFAULT_FRAME_SIZE;
    private static final int ROUNDS = 7;

    private EnvelopeBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        run();
    }

    public static void run() throws Exception {
        MessageCrypto encryptor = new MessageCrypto(new FakeDataKeyProvider());
        for (int i = 0; i < 3; i++) { // warm up both paths so the JIT has compiled them
            envelope(encryptor, 32 * MIB);
            envelope(new MessageCrypto(new FakeDataKeyProvider(),
                    com.amazonaws.encryptionsdk.CryptoAlgorithm.ALG_AES_256_GCM_HKDF_SHA512_COMMIT_KEY), 32 * MIB);
            raw(32 * MIB);
        }
        sha384(32 * MIB);
        long envelopeBest = Long.MAX_VALUE;
        long rawBest = Long.MAX_VALUE;
        long shaBest = Long.MAX_VALUE;
        for (int i = 0; i < ROUNDS; i++) { // alternate, keep the best of each: least disturbed by other load
            envelopeBest = Math.min(envelopeBest, envelope(encryptor, 256 * MIB));
            rawBest = Math.min(rawBest, raw(256 * MIB));
            shaBest = Math.min(shaBest, sha384(256 * MIB));
        }
        double envelopeRate = mibPerSecond(256 * MIB, envelopeBest);
        double rawRate = mibPerSecond(256 * MIB, rawBest);
        Bench.report("engine.envelope_stream_256m", envelopeRate, "MiB/s", envelopeRate / rawRate,
                "jca.aes256gcm_frames_64k");
        Bench.info("jca.aes256gcm_frames_64k", String.format(Locale.ROOT, "%.2f MiB/s", rawRate));
        // Why the signed suite cannot reach 0.8: its ECDSA signature covers a SHA-384 digest of every byte of the
        // message, computed in the same pass as AES-GCM. Even with no other cost, AES-GCM then SHA-384 over the same
        // bytes runs at 1 / (1/aes + 1/sha) at best; the ceiling below is that rate as a ratio of the baseline.
        double shaRate = mibPerSecond(256 * MIB, shaBest);
        double ceiling = 1 / (1 / rawRate + 1 / shaRate);
        Bench.info("engine.envelope_stream_256m", String.format(Locale.ROOT, "breakdown: sha384(%s)=%.2f MiB/s "
                + "over the same bytes in 64 KiB chunks; aes_gcm+sha384 ceiling=%.2f MiB/s ratio_ceiling=%.3f; "
                + "envelope at %.2f of that ceiling", SHA384_PROVIDER, shaRate, ceiling, ceiling / rawRate,
                envelopeRate / ceiling));
        // The default suite signs the whole message (ECDSA P-384 over SHA-384), and SHA-384 alone is slower than
        // AES-GCM here; the unsigned committing suite shows what the SDK's framing costs without the signature.
        MessageCrypto unsigned = new MessageCrypto(new FakeDataKeyProvider(),
                com.amazonaws.encryptionsdk.CryptoAlgorithm.ALG_AES_256_GCM_HKDF_SHA512_COMMIT_KEY);
        long unsignedBest = Long.MAX_VALUE;
        for (int i = 0; i < ROUNDS; i++) {
            unsignedBest = Math.min(unsignedBest, envelope(unsigned, 256 * MIB));
        }
        double unsignedRate = mibPerSecond(256 * MIB, unsignedBest);
        Bench.info("engine.envelope_stream_256m", String.format(Locale.ROOT,
                "unsigned_suite(0x0478)=%.2f MiB/s ratio=%.3f", unsignedRate, unsignedRate / rawRate));
        for (long size : new long[] {64 * MIB, 256 * MIB}) {
            long[] live = new long[1];
            long peak = peakHeap(() -> live[0] = liveHeapMidStream(encryptor, size));
            Bench.info("engine.envelope_stream_256m", String.format(Locale.ROOT,
                    "stream=%dMiB peak_heap=%.1fMiB live_heap_mid_stream=%.1fMiB", size / MIB, peak / (double) MIB,
                    live[0] / (double) MIB));
        }
    }

    /**
     * Heap in use halfway through a stream, right after a full collection: what the encryption really holds. The
     * peak, by contrast, also counts short-lived garbage (JCA allocates a little on every Cipher.init) that a young
     * collection had not yet needed to reclaim.
     */
    private static long liveHeapMidStream(MessageCrypto encryptor, long size) throws IOException {
        long[] live = {-1};
        EnvelopeOptions options = EnvelopeOptions.defaults().withTotalBytes(size).withProgress((done, total) -> {
            if (live[0] < 0 && done >= total / 2) {
                System.gc();
                live[0] = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            }
        });
        encryptor.encrypt(new RepeatingStream(size), new DiscardingStream(), "bench-key",
                Map.of("purpose", "benchmark"), options);
        return live[0];
    }

    private static long envelope(MessageCrypto encryptor, long size) throws IOException {
        long start = System.nanoTime();
        encryptor.encrypt(new RepeatingStream(size), new DiscardingStream(), "bench-key",
                Map.of("purpose", "benchmark"), EnvelopeOptions.defaults().withTotalBytes(size));
        return System.nanoTime() - start;
    }

    /** The provider the SDK's trailing-signature digest resolves to (it asks for SHA-384 by name). */
    private static final String SHA384_PROVIDER = sha384Provider();

    private static String sha384Provider() {
        try {
            return MessageDigest.getInstance("SHA-384").getProvider().getName();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A component of the signed suite alone: SHA-384 (the digest the SDK signs, resolved by name as the SDK does)
     * over the same stream in 64 KiB chunks, with no encryption.
     */
    private static long sha384(long size) throws IOException, GeneralSecurityException {
        MessageDigest digest = MessageDigest.getInstance("SHA-384");
        byte[] chunk = new byte[FRAME];
        InputStream in = new RepeatingStream(size);
        long start = System.nanoTime();
        for (int n; (n = in.readNBytes(chunk, 0, FRAME)) > 0; ) {
            digest.update(chunk, 0, n);
        }
        digest.digest();
        return System.nanoTime() - start;
    }

    /** What the envelope does per frame with nothing around it: read, AES-256-GCM with a counter IV, write. */
    private static long raw(long size) throws IOException, GeneralSecurityException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        SecretKeySpec spec = new SecretKeySpec(key, "AES");
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        byte[] iv = new byte[12];
        byte[] plain = new byte[FRAME];
        byte[] sealed = new byte[FRAME + 16];
        InputStream in = new RepeatingStream(size);
        OutputStream out = new DiscardingStream();
        long start = System.nanoTime();
        for (long counter = 1; ; counter++) {
            int length = in.readNBytes(plain, 0, FRAME);
            for (int i = 0; i < 8; i++) {
                iv[4 + i] = (byte) (counter >>> (56 - 8 * i));
            }
            cipher.init(Cipher.ENCRYPT_MODE, spec, new GCMParameterSpec(128, iv));
            out.write(sealed, 0, cipher.doFinal(plain, 0, length, sealed, 0));
            if (length < FRAME) {
                break;
            }
        }
        return System.nanoTime() - start;
    }

    private interface Task {
        void run() throws Exception;
    }

    /** Sum of the peak usage of every heap pool during {@code task}, after a collection and a peak reset. */
    private static long peakHeap(Task task) throws Exception {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        task.run();
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static double mibPerSecond(long bytes, long nanos) {
        return bytes / (double) MIB / (nanos / 1e9);
    }

    /** {@code size} bytes cycling through one random 1 MiB buffer, generated rather than stored. */
    private static final class RepeatingStream extends InputStream {
        private static final byte[] PATTERN = new byte[(int) MIB];

        static {
            new SecureRandom().nextBytes(PATTERN);
        }

        private long remaining;

        RepeatingStream(long size) {
            remaining = size;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (remaining == 0) {
                return -1;
            }
            int position = (int) (remaining % PATTERN.length);
            int n = (int) Math.min(Math.min(length, remaining), PATTERN.length - position);
            System.arraycopy(PATTERN, position, buffer, offset, n);
            remaining -= n;
            return n;
        }
    }

    /** Counts nothing and keeps nothing. */
    private static final class DiscardingStream extends OutputStream {
        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] buffer, int offset, int length) {
        }
    }
}
