package dev.kmslab.engine.envelope;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * Keys derived from a message's data key with HKDF-SHA256, salted with the random message id. The data key itself
 * never encrypts anything, so even a data key reused across messages would give each message its own content key.
 * The commitment, stored in the header, ties the ciphertext to exactly one data key: without it a crafted message
 * could decrypt to different plaintexts under two different keys (AES-GCM alone is not key-committing).
 */
final class EnvelopeKeys {

    static final int KEY_BYTES = 32;
    private static final byte[] CONTENT_INFO = "kmslab envelope v1 AES-256-GCM content key"
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] COMMIT_INFO = "kmslab envelope v1 key commitment".getBytes(StandardCharsets.UTF_8);

    private EnvelopeKeys() {
    }

    /** The AES-256 key for the header tag and every frame; the caller zeroes it. */
    static byte[] contentKey(byte[] dataKey, byte[] messageId) {
        return hkdf(dataKey, messageId, CONTENT_INFO);
    }

    static byte[] commitment(byte[] dataKey, byte[] messageId) {
        return hkdf(dataKey, messageId, COMMIT_INFO);
    }

    private static byte[] hkdf(byte[] dataKey, byte[] salt, byte[] info) {
        HKDFBytesGenerator generator = new HKDFBytesGenerator(new SHA256Digest());
        generator.init(new HKDFParameters(dataKey, salt, info));
        byte[] out = new byte[KEY_BYTES];
        generator.generateBytes(out, 0, out.length);
        return out;
    }
}
