package dev.kmslab.engine.envelope;

import java.util.Arrays;

/**
 * A data key as GenerateDataKey returns it: the plaintext key (to use once and forget), the encrypted copy (to store
 * beside the data) and the ARN of the KMS key that encrypted it. {@link #close()} zeroes the plaintext; it is never
 * shown by {@link #toString()}.
 */
public final class GeneratedDataKey implements AutoCloseable {

    private final byte[] plaintext;
    private final byte[] ciphertextBlob;
    private final String keyArn;

    /** Takes ownership of {@code plaintext}: it is not copied, so closing this object zeroes the caller's array. */
    public GeneratedDataKey(byte[] plaintext, byte[] ciphertextBlob, String keyArn) {
        if (plaintext == null || plaintext.length == 0) {
            throw new IllegalArgumentException("plaintext data key is required");
        }
        if (ciphertextBlob == null || ciphertextBlob.length == 0) {
            throw new IllegalArgumentException("encrypted data key is required");
        }
        if (keyArn == null || keyArn.isEmpty()) {
            throw new IllegalArgumentException("key ARN is required");
        }
        this.plaintext = plaintext;
        this.ciphertextBlob = ciphertextBlob.clone();
        this.keyArn = keyArn;
    }

    /** The live plaintext key (not a copy), so that {@link #close()} can zero it. */
    public byte[] plaintext() {
        return plaintext;
    }

    public byte[] ciphertextBlob() {
        return ciphertextBlob.clone();
    }

    public String keyArn() {
        return keyArn;
    }

    @Override
    public void close() {
        Arrays.fill(plaintext, (byte) 0);
    }

    @Override
    public String toString() {
        return "GeneratedDataKey[keyArn=" + keyArn + ", plaintext=(hidden), ciphertextBlob=" + ciphertextBlob.length
                + " bytes]";
    }
}
