package dev.kmslab.engine;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;

/** Peer key pairs for DeriveSharedSecret tests, made with the JDK alone (independent of the engine). */
final class PeerKeys {

    private PeerKeys() {
    }

    static KeyPair ec(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A P-256 peer public key as DER SubjectPublicKeyInfo. */
    static byte[] p256() {
        return ec("secp256r1").getPublic().getEncoded();
    }
}
