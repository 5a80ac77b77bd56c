package dev.kmslab.engine.envelope;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM (JDK SunJCE) for one message: the header tag and every frame, reusing one {@link Cipher} and small
 * buffers so the per-frame cost is the cipher itself.
 *
 * <p>IVs are derived, not random: 4 zero bytes then the 8-byte sequence number (0 for the header tag, 1, 2, … for the
 * frames). The content key is new for every message (HKDF over a fresh data key and a random message id), so an
 * (key, IV) pair can never repeat, which is all GCM needs; a counter cannot collide the way 96-bit random IVs
 * eventually could, and nothing needs to be stored per frame.
 *
 * <p>Frame additional data: message id (32) | sequence number (4) | final flag (1) | plaintext length (4). Moving a
 * frame changes its sequence number, cutting the stream loses the final flag, and appending needs a frame after the
 * final one, so reordering, dropping, truncation and extension all fail authentication.
 */
final class FrameCipher {

    static final int TAG_BYTES = 16;
    private static final int TAG_BITS = TAG_BYTES * 8;
    private static final int IV_BYTES = 12;

    private final Cipher cipher;
    private final SecretKeySpec key;
    private final byte[] iv = new byte[IV_BYTES];
    private final byte[] aad;

    /** Copies {@code contentKey} into the cipher's key object; the caller zeroes its own array. */
    FrameCipher(byte[] contentKey, byte[] messageId) {
        try {
            this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
        this.key = new SecretKeySpec(contentKey, "AES");
        this.aad = new byte[messageId.length + 9];
        System.arraycopy(messageId, 0, aad, 0, messageId.length);
    }

    /** The tag of an empty GCM encryption with the header as additional data. */
    byte[] headerTag(byte[] header) {
        init(Cipher.ENCRYPT_MODE, 0);
        cipher.updateAAD(header);
        try {
            return cipher.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }

    boolean headerTagMatches(byte[] header, byte[] tag) {
        init(Cipher.DECRYPT_MODE, 0);
        cipher.updateAAD(header);
        try {
            cipher.doFinal(tag);
            return true;
        } catch (AEADBadTagException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }

    /** Encrypts {@code length} bytes of {@code in} into {@code out} (ciphertext then tag); returns bytes written. */
    int seal(long sequence, boolean last, byte[] in, int length, byte[] out) {
        init(Cipher.ENCRYPT_MODE, sequence);
        cipher.updateAAD(frameAad(sequence, last, length));
        try {
            return cipher.doFinal(in, 0, length, out, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }

    /**
     * Decrypts a frame of {@code length} plaintext bytes ({@code length + 16} bytes in {@code in}) into {@code out}.
     * Nothing is written to {@code out} unless the tag verifies.
     */
    void open(long sequence, boolean last, byte[] in, int length, byte[] out) throws AEADBadTagException {
        init(Cipher.DECRYPT_MODE, sequence);
        cipher.updateAAD(frameAad(sequence, last, length));
        try {
            cipher.doFinal(in, 0, length + TAG_BYTES, out, 0);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (ShortBufferException e) {
            throw new IllegalStateException("frame buffer too small", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }

    private byte[] frameAad(long sequence, boolean last, int length) {
        int at = aad.length - 9;
        putInt(aad, at, (int) sequence);
        aad[at + 4] = (byte) (last ? 1 : 0);
        putInt(aad, at + 5, length);
        return aad;
    }

    private void init(int mode, long sequence) {
        for (int i = 0; i < 8; i++) {
            iv[4 + i] = (byte) (sequence >>> (56 - 8 * i));
        }
        try {
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        } catch (InvalidKeyException | InvalidAlgorithmParameterException e) {
            throw new IllegalStateException("AES-GCM rejected its key or IV", e);
        }
    }

    static void putInt(byte[] target, int at, int value) {
        target[at] = (byte) (value >>> 24);
        target[at + 1] = (byte) (value >>> 16);
        target[at + 2] = (byte) (value >>> 8);
        target[at + 3] = (byte) value;
    }
}
