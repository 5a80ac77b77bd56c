package dev.kmslab.engine.crypto.asymmetric;

import dev.kmslab.engine.crypto.AsymmetricKeyMaterial;
import dev.kmslab.engine.crypto.HmacKeyMaterial;
import dev.kmslab.engine.crypto.KeyMaterial;
import dev.kmslab.engine.crypto.asymmetric.spec.KeySpecRules;
import dev.kmslab.engine.model.KeySpec;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;

/** Creates key material for asymmetric and HMAC key specs, and rebuilds it from its persisted encoding. */
public final class KeyMaterials {

    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyMaterials() {
    }

    /**
     * New key material for a KMS key of this spec.
     *
     * @throws dev.kmslab.engine.error.UnsupportedOperationException for SM2 (China Regions only)
     * @throws IllegalArgumentException for SYMMETRIC_DEFAULT, whose material the symmetric engine makes
     */
    public static KeyMaterial generate(KeySpec spec) {
        KeySpecRules.requireAvailable(spec);
        if (spec.family() == KeySpec.Family.HMAC) {
            return HmacKeyMaterial.generate(spec, RANDOM);
        }
        return AsymmetricKeyMaterial.of(spec, generateKeyPair(spec));
    }

    /** Rebuilds material from {@link KeyMaterial#encoded()} (PKCS#8 for key pairs, raw bytes for HMAC). */
    public static KeyMaterial decode(KeySpec spec, byte[] encoded) {
        KeySpecRules.requireAvailable(spec);
        if (spec == KeySpec.SYMMETRIC_DEFAULT) {
            throw new IllegalArgumentException("SYMMETRIC_DEFAULT material belongs to the symmetric engine");
        }
        if (spec.family() == KeySpec.Family.HMAC) {
            return HmacKeyMaterial.fromEncoded(spec, encoded);
        }
        return fromPkcs8(spec, encoded);
    }

    /**
     * Rebuilds key pair material from PKCS#8 bytes (as {@link KeyMaterial#encoded()} produced them, or imported ones).
     * The public key is recomputed from the private key.
     *
     * @throws dev.kmslab.engine.error.IncorrectKeyMaterialException if the bytes are not a private key of this spec
     */
    public static AsymmetricKeyMaterial fromPkcs8(KeySpec spec, byte[] pkcs8) {
        PrivateKey privateKey = KeyCodec.decodePrivateKey(spec, pkcs8);
        return AsymmetricKeyMaterial.of(spec, new KeyPair(KeyCodec.derivePublicKey(spec, privateKey), privateKey));
    }

    /** A fresh JCA key pair of this spec (also used for data key pairs). */
    static KeyPair generateKeyPair(KeySpec spec) {
        if (!spec.isAsymmetric()) {
            throw new IllegalArgumentException(spec + " is not an asymmetric key spec");
        }
        try {
            String algorithm = KeyCodec.keyAlgorithm(spec);
            KeyPairGenerator generator = Providers.needsBouncyCastle(spec)
                    ? KeyPairGenerator.getInstance(algorithm, Providers.bouncyCastle())
                    : KeyPairGenerator.getInstance(algorithm);
            AlgorithmParameterSpec parameters = generationParameters(spec);
            if (parameters != null) {
                generator.initialize(parameters, RANDOM);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Key pair generation failed for " + spec, e);
        }
    }

    private static AlgorithmParameterSpec generationParameters(KeySpec spec) {
        switch (spec.family()) {
            case RSA:
                return new RSAKeyGenParameterSpec(spec.bits(), RSAKeyGenParameterSpec.F4);
            case ECC_NIST:
            case ECC_SECG:
                return new ECGenParameterSpec(spec.parameterName());
            default:
                return null; // Ed25519 and ML-DSA-nn: the algorithm name fixes the parameters.
        }
    }
}
