package dev.kmslab.engine.cks;

import dev.kmslab.engine.crypto.pkcs11.SlotSelector;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * Where a custom key store's token is: the PKCS#11 module library and the slot. In KMS Lab these settings stand in
 * for the AWS CloudHSM cluster of an AWS_CLOUDHSM key store, so they carry no secret and are shown as they are.
 */
public record TokenSettings(Path library, SlotSelector slot) {

    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    public TokenSettings {
        Objects.requireNonNull(library, "library");
        Objects.requireNonNull(slot, "slot");
        if (!library.isAbsolute()) {
            throw new IllegalArgumentException("module library path must be absolute: " + library);
        }
    }

    /**
     * The stand-in CloudHSM cluster id, {@code cluster-} and 11 base-32 characters as AWS writes them, derived from
     * the settings: the same token always has the same id, which is how "one key store per cluster" is enforced.
     */
    public String clusterId() {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(
                    (library.normalize() + "\n" + slot.describe()).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
        StringBuilder id = new StringBuilder("cluster-");
        for (int i = 0; i < 11; i++) {
            id.append(BASE32[(digest[i] & 0xff) % 32]);
        }
        return id.toString();
    }

    public String describe() {
        return slot.describe() + " of " + library;
    }
}
