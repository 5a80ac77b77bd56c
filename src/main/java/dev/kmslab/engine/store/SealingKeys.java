package dev.kmslab.engine.store;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * The two keys derived from the master key with HKDF-SHA256: one encrypts the keystore, the other only computes the
 * key check value. Separate derivations mean the check value reveals nothing usable against the encryption key, and
 * the master key itself is never used for anything but derivation.
 */
final class SealingKeys implements AutoCloseable {

    private static final byte[] ENCRYPTION_INFO = "kmslab keystore v1 encryption key".getBytes(StandardCharsets.UTF_8);
    private static final byte[] JOURNAL_ENCRYPTION_INFO = "kmslab keystore v2 journal encryption key"
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] CHECK_INFO = "kmslab keystore v1 key check key".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CHECK_LABEL = "kmslab keystore v1 key check".getBytes(StandardCharsets.UTF_8);
    static final int CHECK_BYTES = 32;

    private final byte[] encryptionKey;
    private final byte[] checkKey;

    private SealingKeys(byte[] encryptionKey, byte[] checkKey) {
        this.encryptionKey = encryptionKey;
        this.checkKey = checkKey;
    }

    /** Derives both keys and zeroes {@code masterKey}. */
    static SealingKeys derive(byte[] masterKey) {
        try {
            return new SealingKeys(hkdf(masterKey, ENCRYPTION_INFO), hkdf(masterKey, CHECK_INFO));
        } finally {
            Arrays.fill(masterKey, (byte) 0);
        }
    }

    /**
     * The keys of the journal format ({@link JournalFileStorage}): its own encryption key, so that no (key, nonce)
     * pair is ever shared with a single-file keystore sealed under the same master key, and the same check key (one
     * master key, one key check value).
     */
    static SealingKeys deriveForJournal(byte[] masterKey) {
        try {
            return new SealingKeys(hkdf(masterKey, JOURNAL_ENCRYPTION_INFO), hkdf(masterKey, CHECK_INFO));
        } finally {
            Arrays.fill(masterKey, (byte) 0);
        }
    }

    SecretKeySpec encryptionKey() {
        return new SecretKeySpec(encryptionKey, "AES");
    }

    /** HMAC-SHA256 of a fixed label under the check key: equal values mean the same master key. */
    byte[] checkValue() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(checkKey, "HmacSHA256"));
            return mac.doFinal(CHECK_LABEL);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    boolean matches(byte[] storedCheckValue) {
        return MessageDigest.isEqual(checkValue(), storedCheckValue);
    }

    private static byte[] hkdf(byte[] ikm, byte[] info) {
        HKDFBytesGenerator generator = new HKDFBytesGenerator(new SHA256Digest());
        generator.init(new HKDFParameters(ikm, null, info));
        byte[] out = new byte[MasterKeySource.KEY_BYTES];
        generator.generateBytes(out, 0, out.length);
        return out;
    }

    @Override
    public void close() {
        Arrays.fill(encryptionKey, (byte) 0);
        Arrays.fill(checkKey, (byte) 0);
    }

    @Override
    public String toString() {
        return "SealingKeys[hidden]";
    }
}
