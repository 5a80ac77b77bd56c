package dev.kmslab.engine.crypto.asymmetric;

import dev.kmslab.engine.crypto.AsymmetricKeyMaterial;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.MessageType;
import dev.kmslab.engine.model.SigningAlgorithmSpec;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Maps a signing algorithm and message type to the JCA (or Bouncy Castle) primitive that implements it. A DIGEST is
 * signed as given: NONEwithECDSA for ECDSA, a DigestInfo under NONEwithRSA for PKCS#1 v1.5, Bouncy Castle's raw
 * RSASSA-PSS for PSS, and RFC 8032 Ed25519ph over the SHA-512 value for ED25519_PH_SHA_512. Inputs were validated
 * by the caller.
 */
final class SignatureSchemes {

    private static final byte[] NO_CONTEXT = new byte[0];

    private SignatureSchemes() {
    }

    static byte[] sign(AsymmetricKeyMaterial key, SigningAlgorithmSpec algorithm, MessageType type, byte[] message)
            throws GeneralSecurityException {
        if (algorithm.scheme() == SigningAlgorithmSpec.Scheme.ED25519_PH) {
            return signEd25519ph(key, message);
        }
        Signature signature = signature(key.spec(), algorithm, type);
        signature.initSign(key.privateKey());
        signature.update(input(algorithm, type, message));
        return signature.sign();
    }

    static boolean verify(AsymmetricKeyMaterial key, SigningAlgorithmSpec algorithm, MessageType type, byte[] message,
            byte[] signatureBytes) throws GeneralSecurityException {
        if (algorithm.scheme() == SigningAlgorithmSpec.Scheme.ED25519_PH) {
            return verifyEd25519ph(key, message, signatureBytes);
        }
        if (algorithm.scheme() == SigningAlgorithmSpec.Scheme.ED25519 && signatureBytes.length != Ed25519.SIGNATURE_SIZE) {
            // JDK 17's Ed25519 verifier ignores bytes after the 64th; RFC 8032 signatures are exactly 64 bytes.
            return false;
        }
        Signature signature = signature(key.spec(), algorithm, type);
        signature.initVerify(key.publicKey());
        signature.update(input(algorithm, type, message));
        try {
            return signature.verify(signatureBytes);
        } catch (SignatureException malformed) {
            // A badly encoded signature (wrong DER, wrong length) is simply not a valid signature.
            return false;
        }
    }

    private static byte[] input(SigningAlgorithmSpec algorithm, MessageType type, byte[] message) {
        if (type == MessageType.DIGEST && algorithm.scheme() == SigningAlgorithmSpec.Scheme.RSA_PKCS1) {
            return DigestInfo.encode(algorithm.hashName(), message);
        }
        return message;
    }

    /** A Signature object configured for the algorithm, message type and key spec. */
    static Signature signature(KeySpec spec, SigningAlgorithmSpec algorithm, MessageType type)
            throws GeneralSecurityException {
        boolean digest = type == MessageType.DIGEST;
        String hash = algorithm.hashName().replace("-", "");
        switch (algorithm.scheme()) {
            case RSA_PKCS1:
                return Signature.getInstance(digest ? "NONEwithRSA" : hash + "withRSA");
            case RSA_PSS: {
                Signature signature = digest
                        ? Signature.getInstance("RAWRSASSA-PSS", Providers.bouncyCastle())
                        : Signature.getInstance("RSASSA-PSS");
                signature.setParameter(pssParameters(algorithm));
                return signature;
            }
            case ECDSA:
                return instance(spec, digest ? "NONEwithECDSA" : hash + "withECDSA");
            case ED25519:
                return Signature.getInstance("Ed25519");
            case ML_DSA:
                return Signature.getInstance(type == MessageType.EXTERNAL_MU ? "ML-DSA-EXTERNAL-MU" : "ML-DSA",
                        Providers.bouncyCastle());
            default:
                throw new IllegalArgumentException("no JCA signature for " + algorithm);
        }
    }

    private static Signature instance(KeySpec spec, String name) throws GeneralSecurityException {
        return Providers.needsBouncyCastle(spec)
                ? Signature.getInstance(name, Providers.bouncyCastle())
                : Signature.getInstance(name);
    }

    /** MGF1 with the message hash and a salt as long as the digest, as AWS specifies for RSASSA-PSS. */
    static PSSParameterSpec pssParameters(SigningAlgorithmSpec algorithm) {
        return new PSSParameterSpec(algorithm.hashName(), "MGF1", new MGF1ParameterSpec(algorithm.hashName()),
                algorithm.digestLength(), PSSParameterSpec.TRAILER_FIELD_BC);
    }

    private static byte[] signEd25519ph(AsymmetricKeyMaterial key, byte[] digest) {
        byte[] seed = KeyCodec.ed25519Seed(key.privateKey());
        try {
            byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
            new Ed25519PrivateKeyParameters(seed, 0)
                    .sign(Ed25519.Algorithm.Ed25519ph, NO_CONTEXT, digest, 0, digest.length, signature, 0);
            return signature;
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    private static boolean verifyEd25519ph(AsymmetricKeyMaterial key, byte[] digest, byte[] signature) {
        if (signature.length != Ed25519.SIGNATURE_SIZE) {
            return false;
        }
        byte[] publicKey = KeyCodec.ed25519RawPublicKey(key.publicKey());
        return new Ed25519PublicKeyParameters(publicKey, 0)
                .verify(Ed25519.Algorithm.Ed25519ph, NO_CONTEXT, digest, 0, digest.length, signature, 0);
    }
}
