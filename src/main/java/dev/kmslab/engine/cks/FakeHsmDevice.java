package dev.kmslab.engine.cks;

import dev.kmslab.engine.crypto.CryptoRandom;
import dev.kmslab.engine.crypto.AesKeyMaterial;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One simulated device of a {@link FakeHsm}: its key objects by label, the hash of the PIN it accepts and the random
 * source it generates keys from. Its key map is guarded by the device's own monitor, as a token serialises the
 * sessions that share it.
 */
final class FakeHsmDevice {

    final Map<String, AesKeyMaterial> keys = new TreeMap<>();
    private final byte[] pinHash;
    private final CryptoRandom random;

    /** Keeps only a hash of {@code userPin} and wipes the array. */
    FakeHsmDevice(char[] userPin, CryptoRandom random) {
        this.pinHash = hash(userPin);
        Arrays.fill(userPin, '\0');
        this.random = random;
    }

    boolean pinMatches(char[] pin) {
        byte[] candidate = hash(pin);
        try {
            return MessageDigest.isEqual(candidate, pinHash);
        } finally {
            Arrays.fill(candidate, (byte) 0);
        }
    }

    CryptoRandom random() {
        return random;
    }

    synchronized List<String> labels() {
        return List.copyOf(keys.keySet());
    }

    private static byte[] hash(char[] pin) {
        java.nio.ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(pin));
        byte[] raw = new byte[bytes.remaining()];
        bytes.get(raw);
        try {
            return MessageDigest.getInstance("SHA-256").digest(raw);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        } finally {
            Arrays.fill(raw, (byte) 0);
            if (bytes.hasArray()) {
                Arrays.fill(bytes.array(), (byte) 0);
            }
        }
    }
}
