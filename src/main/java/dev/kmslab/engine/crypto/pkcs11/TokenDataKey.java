package dev.kmslab.engine.crypto.pkcs11;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A data key made inside the token: {@code plaintext} random bytes from the token's generator, and the same bytes
 * encrypted in the token with AES-GCM under a token key ({@code iv} 12 bytes, {@code ciphertext} = encrypted bytes
 * followed by the 16-byte tag). The caller zeroes {@code plaintext} once it has used it.
 */
public record TokenDataKey(byte[] plaintext, byte[] iv, byte[] ciphertext) {

    public TokenDataKey {
        plaintext = plaintext.clone();
        iv = iv.clone();
        ciphertext = ciphertext.clone();
    }

    @Override
    public byte[] plaintext() {
        return plaintext.clone();
    }

    @Override
    public byte[] iv() {
        return iv.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    /** Overwrites the plaintext held by this record. */
    public void destroyPlaintext() {
        Arrays.fill(plaintext, (byte) 0);
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return "TokenDataKey[plaintext=" + plaintext.length + " bytes (hidden), iv=" + HexFormat.of().formatHex(iv)
                + ", ciphertext=" + ciphertext.length + " bytes]";
    }
}
