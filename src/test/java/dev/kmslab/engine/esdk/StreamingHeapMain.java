package dev.kmslab.engine.esdk;

import dev.kmslab.engine.envelope.EnvelopeOptions;
import dev.kmslab.engine.envelope.FakeDataKeyProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Map;

/**
 * Run in a JVM with a small heap by {@link StreamingHeapTest}: encrypts {@code args[1]} MiB of generated data to the
 * file {@code args[0]}, decrypts it again into a digest, and exits 0 only if the digests of plaintext in and out match.
 */
public final class StreamingHeapMain {

    private StreamingHeapMain() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        long size = Long.parseLong(args[1]) * 1024 * 1024;
        MessageCrypto crypto = new MessageCrypto(new FakeDataKeyProvider());
        MessageDigest in = MessageDigest.getInstance("SHA-256");
        try (OutputStream out = Files.newOutputStream(file)) {
            crypto.encrypt(new Generated(size, in), out, "heap", Map.of("purpose", "heap"),
                    EnvelopeOptions.defaults());
        }
        MessageDigest out = MessageDigest.getInstance("SHA-256");
        MessageResult result;
        try (InputStream message = Files.newInputStream(file);
                DigestOutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), out)) {
            result = crypto.decrypt(message, sink, EnvelopeOptions.defaults());
        }
        boolean same = Arrays.equals(in.digest(), out.digest()) && result.plaintextBytes() == size;
        System.out.println("streamed " + result.plaintextBytes() + " bytes, message " + Files.size(file)
                + " bytes, max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB, same=" + same);
        System.exit(same ? 0 : 1);
    }

    /** {@code size} pseudo-random bytes, digested as they are read. */
    private static final class Generated extends InputStream {
        private final MessageDigest digest;
        private long remaining;
        private long state = 0x9E3779B97F4A7C15L;

        Generated(long size, MessageDigest digest) {
            this.remaining = size;
            this.digest = digest;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (remaining == 0) {
                return -1;
            }
            int n = (int) Math.min(len, remaining);
            for (int i = 0; i < n; i++) {
                state ^= state << 13;
                state ^= state >>> 7;
                state ^= state << 17;
                b[off + i] = (byte) state;
            }
            digest.update(b, off, n);
            remaining -= n;
            return n;
        }
    }
}
