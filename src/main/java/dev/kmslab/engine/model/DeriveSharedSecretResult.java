package dev.kmslab.engine.model;

import java.util.Arrays;

/**
 * DeriveSharedSecret: the raw ECDH shared secret (secret: wipe it with {@link #destroySharedSecret()} after use), the
 * key ARN, the algorithm and the key's origin.
 */
public record DeriveSharedSecretResult(String keyId, byte[] sharedSecret,
                                       KeyAgreementAlgorithmSpec keyAgreementAlgorithm, OriginType keyOrigin) {

    public void destroySharedSecret() {
        Arrays.fill(sharedSecret, (byte) 0);
    }

    @Override
    public String toString() {
        return "DeriveSharedSecretResult[keyId=" + keyId + ", sharedSecret=<hidden>, " + keyAgreementAlgorithm
                + ", " + keyOrigin + "]";
    }
}
