package dev.kmslab.ui.keylab.asymmetric;

import dev.kmslab.engine.model.SigningAlgorithmSpec;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519phSigner;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Verifies a KMS signature without KMS: only the public key (DER SubjectPublicKeyInfo from GetPublicKey), the
 * original message and standard JCA or Bouncy Castle code, as any outside party would. Deliberately independent of
 * the engine's own signing code, so agreement between the two means something.
 *
 * <p>It always takes the original message, even for a signature made with MessageType DIGEST: signing a digest
 * yourself gives the same signature as letting the algorithm hash the message, so the usual "SHA256withECDSA"
 * style verifiers apply. RSASSA-PSS uses MGF1 with the same hash and a salt as long as the digest, as AWS KMS does.
 */
public final class OfflineVerifier {

    // Bouncy Castle supplies secp256k1 (dropped from JDK 17) and ML-DSA; a private instance leaves the JVM's
    // provider list untouched.
    private static final Provider BC = new BouncyCastleProvider();

    private OfflineVerifier() {
    }

    /** @return true when the signature is valid for the message under the public key */
    public static boolean verify(byte[] publicKeyDer, SigningAlgorithmSpec algorithm, byte[] message,
                                 byte[] signature) throws GeneralSecurityException {
        if (algorithm == SigningAlgorithmSpec.ED25519_PH_SHA_512) {
            return verifyEd25519ph(publicKeyDer, message, signature);
        }
        Signature verifier = verifier(algorithm);
        verifier.initVerify(publicKey(publicKeyDer, algorithm));
        verifier.update(message);
        try {
            return verifier.verify(signature);
        } catch (SignatureException malformed) {
            return false; // a damaged DER signature is simply not valid
        }
    }

    private static Signature verifier(SigningAlgorithmSpec algorithm) throws GeneralSecurityException {
        switch (algorithm) {
            case RSASSA_PKCS1_V1_5_SHA_256:
                return Signature.getInstance("SHA256withRSA");
            case RSASSA_PKCS1_V1_5_SHA_384:
                return Signature.getInstance("SHA384withRSA");
            case RSASSA_PKCS1_V1_5_SHA_512:
                return Signature.getInstance("SHA512withRSA");
            case RSASSA_PSS_SHA_256:
                return pss("SHA-256", 32);
            case RSASSA_PSS_SHA_384:
                return pss("SHA-384", 48);
            case RSASSA_PSS_SHA_512:
                return pss("SHA-512", 64);
            case ECDSA_SHA_256:
                return Signature.getInstance("SHA256withECDSA", BC);
            case ECDSA_SHA_384:
                return Signature.getInstance("SHA384withECDSA", BC);
            case ECDSA_SHA_512:
                return Signature.getInstance("SHA512withECDSA", BC);
            case ED25519_SHA_512:
                return Signature.getInstance("Ed25519");
            case ML_DSA_SHAKE_256:
                return Signature.getInstance("ML-DSA", BC);
            default:
                throw new GeneralSecurityException(algorithm + " cannot be verified offline in this lab.");
        }
    }

    private static Signature pss(String hash, int saltLength) throws GeneralSecurityException {
        Signature s = Signature.getInstance("RSASSA-PSS");
        s.setParameter(new PSSParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash), saltLength, 1));
        return s;
    }

    private static PublicKey publicKey(byte[] der, SigningAlgorithmSpec algorithm) throws GeneralSecurityException {
        X509EncodedKeySpec spec = new X509EncodedKeySpec(der);
        switch (algorithm.name().substring(0, 3)) {
            case "RSA":
                return KeyFactory.getInstance("RSA").generatePublic(spec);
            case "ECD":
                return KeyFactory.getInstance("EC", BC).generatePublic(spec);
            case "ED2":
                return KeyFactory.getInstance("Ed25519").generatePublic(spec);
            default:
                return KeyFactory.getInstance("ML-DSA", BC).generatePublic(spec);
        }
    }

    /** HashEdDSA (RFC 8032 Ed25519ph, empty context): the signer hashes the message with SHA-512 itself. */
    private static boolean verifyEd25519ph(byte[] der, byte[] message, byte[] signature) {
        // The last 32 bytes of an Ed25519 SubjectPublicKeyInfo are the raw public key.
        byte[] raw = java.util.Arrays.copyOfRange(der, der.length - Ed25519PublicKeyParameters.KEY_SIZE, der.length);
        Ed25519phSigner verifier = new Ed25519phSigner(new byte[0]);
        verifier.init(false, new Ed25519PublicKeyParameters(raw, 0));
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }
}
