package dev.kmslab.flow;

import dev.kmslab.engine.model.SigningAlgorithmSpec;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;

/**
 * What a party outside AWS does with a downloaded public key: plain JCA signature verification, no KMS call. Kept
 * apart from the engine on purpose, so a flow's "offline" step really depends on nothing but the public key bytes.
 */
final class OfflineVerifier {

    private OfflineVerifier() {
    }

    /** The JCA name of a KMS signing algorithm this verifier supports (ECDSA and RSA PKCS #1 v1.5). */
    static String jcaName(SigningAlgorithmSpec algorithm) {
        return switch (algorithm) {
            case ECDSA_SHA_256 -> "SHA256withECDSA";
            case ECDSA_SHA_384 -> "SHA384withECDSA";
            case ECDSA_SHA_512 -> "SHA512withECDSA";
            case RSASSA_PKCS1_V1_5_SHA_256 -> "SHA256withRSA";
            case RSASSA_PKCS1_V1_5_SHA_384 -> "SHA384withRSA";
            case RSASSA_PKCS1_V1_5_SHA_512 -> "SHA512withRSA";
            default -> throw new IllegalArgumentException("offline verification is not shown for " + algorithm);
        };
    }

    /**
     * True when {@code signature} is valid for {@code message} under the DER SubjectPublicKeyInfo {@code publicKey};
     * false for a wrong or malformed signature, as a verifier outside KMS would report it.
     *
     * @throws IllegalArgumentException if the public key cannot be read
     */
    static boolean verify(byte[] publicKey, SigningAlgorithmSpec algorithm, byte[] message, byte[] signature) {
        String name = jcaName(algorithm);
        PublicKey key;
        try {
            key = KeyFactory.getInstance(name.endsWith("ECDSA") ? "EC" : "RSA")
                    .generatePublic(new X509EncodedKeySpec(publicKey));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a DER public key for " + algorithm, e);
        }
        try {
            Signature verifier = Signature.getInstance(name);
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (java.security.SignatureException e) {
            // A signature that is not even well-formed DER is simply not valid.
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(name + " is not available in this JDK", e);
        }
    }
}
