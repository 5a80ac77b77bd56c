package dev.kmslab.engine.crypto.asymmetric.spec;

import static dev.kmslab.engine.model.SigningAlgorithmSpec.*;

import dev.kmslab.engine.error.UnsupportedOperationException;
import dev.kmslab.engine.error.ValidationException;
import dev.kmslab.engine.model.EncryptionAlgorithmSpec;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyUsage;
import dev.kmslab.engine.model.MacAlgorithmSpec;
import dev.kmslab.engine.model.MessageType;
import dev.kmslab.engine.model.SigningAlgorithmSpec;
import java.util.EnumSet;
import java.util.Set;

/**
 * The AWS key spec table: which usages each spec allows and which algorithms each spec and usage offer.
 *
 * <pre>
 * SYMMETRIC_DEFAULT      ENCRYPT_DECRYPT      SYMMETRIC_DEFAULT
 * RSA_2048/3072/4096     ENCRYPT_DECRYPT      RSAES_OAEP_SHA_1, RSAES_OAEP_SHA_256
 *                        SIGN_VERIFY          RSASSA_PSS_SHA_256/384/512, RSASSA_PKCS1_V1_5_SHA_256/384/512
 * ECC_NIST_P256/384/521  SIGN_VERIFY          ECDSA_SHA_256 / ECDSA_SHA_384 / ECDSA_SHA_512 (one per curve)
 *                        KEY_AGREEMENT        ECDH
 * ECC_SECG_P256K1        SIGN_VERIFY          ECDSA_SHA_256
 * ECC_NIST_EDWARDS25519  SIGN_VERIFY          ED25519_SHA_512, ED25519_PH_SHA_512
 * HMAC_224/256/384/512   GENERATE_VERIFY_MAC  HMAC_SHA_224/256/384/512 (matching size)
 * ML_DSA_44/65/87        SIGN_VERIFY          ML_DSA_SHAKE_256
 * SM2 (China only)       ENCRYPT_DECRYPT      SM2PKE;  SIGN_VERIFY SM2DSA;  KEY_AGREEMENT ECDH
 * </pre>
 */
public final class KeySpecRules {

    /** Largest Message for Sign/Verify (RAW), GenerateMac/VerifyMac and Encrypt plaintext. */
    public static final int MAX_MESSAGE_BYTES = 4096;
    /** Largest Signature, Mac or CiphertextBlob AWS accepts (CiphertextType). */
    public static final int MAX_CIPHERTEXT_BYTES = 6144;
    /** Largest peer PublicKey for DeriveSharedSecret (PublicKeyType). */
    public static final int MAX_PUBLIC_KEY_BYTES = 8192;

    private KeySpecRules() {
    }

    /** The usages a key of this spec may be created with. */
    public static Set<KeyUsage> usages(KeySpec spec) {
        switch (spec.family()) {
            case SYMMETRIC:
                return EnumSet.of(KeyUsage.ENCRYPT_DECRYPT);
            case RSA:
                return EnumSet.of(KeyUsage.ENCRYPT_DECRYPT, KeyUsage.SIGN_VERIFY);
            case ECC_NIST:
                return EnumSet.of(KeyUsage.SIGN_VERIFY, KeyUsage.KEY_AGREEMENT);
            case ECC_SECG:
            case EDWARDS:
            case ML_DSA:
                return EnumSet.of(KeyUsage.SIGN_VERIFY);
            case HMAC:
                return EnumSet.of(KeyUsage.GENERATE_VERIFY_MAC);
            case SM2:
                return EnumSet.of(KeyUsage.ENCRYPT_DECRYPT, KeyUsage.SIGN_VERIFY, KeyUsage.KEY_AGREEMENT);
            default:
                throw new IllegalStateException("unknown family " + spec.family());
        }
    }

    /** The algorithms a key of this spec and usage offers; empty when the usage is not allowed for the spec. */
    public static KeyAlgorithms algorithms(KeySpec spec, KeyUsage usage) {
        if (!usages(spec).contains(usage)) {
            return KeyAlgorithms.none();
        }
        switch (usage) {
            case ENCRYPT_DECRYPT:
                return encryptionAlgorithms(spec);
            case SIGN_VERIFY:
                return signingAlgorithms(spec);
            case GENERATE_VERIFY_MAC:
                return KeyAlgorithms.ofMac(macAlgorithm(spec));
            case KEY_AGREEMENT:
                return KeyAlgorithms.ofKeyAgreement();
            default:
                throw new IllegalStateException("unknown usage " + usage);
        }
    }

    private static KeyAlgorithms encryptionAlgorithms(KeySpec spec) {
        switch (spec.family()) {
            case SYMMETRIC:
                return KeyAlgorithms.ofEncryption(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT);
            case RSA:
                return KeyAlgorithms.ofEncryption(EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1,
                        EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256);
            default:
                return KeyAlgorithms.ofEncryption(EncryptionAlgorithmSpec.SM2PKE);
        }
    }

    private static KeyAlgorithms signingAlgorithms(KeySpec spec) {
        switch (spec) {
            case RSA_2048:
            case RSA_3072:
            case RSA_4096:
                return KeyAlgorithms.ofSigning(RSASSA_PSS_SHA_256, RSASSA_PSS_SHA_384, RSASSA_PSS_SHA_512,
                        RSASSA_PKCS1_V1_5_SHA_256, RSASSA_PKCS1_V1_5_SHA_384, RSASSA_PKCS1_V1_5_SHA_512);
            case ECC_NIST_P256:
            case ECC_SECG_P256K1:
                return KeyAlgorithms.ofSigning(ECDSA_SHA_256);
            case ECC_NIST_P384:
                return KeyAlgorithms.ofSigning(ECDSA_SHA_384);
            case ECC_NIST_P521:
                return KeyAlgorithms.ofSigning(ECDSA_SHA_512);
            case ECC_NIST_EDWARDS25519:
                return KeyAlgorithms.ofSigning(ED25519_SHA_512, ED25519_PH_SHA_512);
            case ML_DSA_44:
            case ML_DSA_65:
            case ML_DSA_87:
                return KeyAlgorithms.ofSigning(ML_DSA_SHAKE_256);
            case SM2:
                return KeyAlgorithms.ofSigning(SM2DSA);
            default:
                return KeyAlgorithms.none();
        }
    }

    /** The single MAC algorithm of an HMAC spec. */
    public static MacAlgorithmSpec macAlgorithm(KeySpec spec) {
        switch (spec) {
            case HMAC_224:
                return MacAlgorithmSpec.HMAC_SHA_224;
            case HMAC_256:
                return MacAlgorithmSpec.HMAC_SHA_256;
            case HMAC_384:
                return MacAlgorithmSpec.HMAC_SHA_384;
            case HMAC_512:
                return MacAlgorithmSpec.HMAC_SHA_512;
            default:
                throw new IllegalArgumentException(spec + " is not an HMAC key spec");
        }
    }

    /** The message types Sign and Verify accept with this algorithm. */
    public static Set<MessageType> messageTypes(SigningAlgorithmSpec algorithm) {
        switch (algorithm.scheme()) {
            case ED25519:
                return EnumSet.of(MessageType.RAW);
            case ED25519_PH:
                return EnumSet.of(MessageType.DIGEST);
            case ML_DSA:
                return EnumSet.of(MessageType.RAW, MessageType.EXTERNAL_MU);
            default:
                return EnumSet.of(MessageType.RAW, MessageType.DIGEST);
        }
    }

    /**
     * Checks a CreateKey request's spec and usage: SM2 is refused outside the China Regions and the usage must be one
     * the spec allows.
     */
    public static void requireCreatable(KeySpec spec, KeyUsage usage) {
        requireAvailable(spec);
        if (!usages(spec).contains(usage)) {
            throw new ValidationException("KeyUsage " + usage + " is not compatible with KeySpec " + spec
                    + ". Valid usages: " + usages(spec) + ".");
        }
    }

    /** Refuses specs this lab (like AWS outside China) does not offer. */
    public static void requireAvailable(KeySpec spec) {
        if (spec == KeySpec.SM2) {
            throw new UnsupportedOperationException(
                    "KeySpec SM2 is available only in the AWS China Regions (Beijing and Ningxia).");
        }
    }

    /** Automatic and on-demand rotation exist only for symmetric encryption keys. */
    public static boolean isRotatable(KeySpec spec) {
        return spec == KeySpec.SYMMETRIC_DEFAULT;
    }

    /** Refuses rotation of asymmetric and HMAC keys as AWS does. */
    public static void requireRotatable(KeySpec spec) {
        if (!isRotatable(spec)) {
            throw new UnsupportedOperationException("Key rotation is not supported for KMS keys with KeySpec "
                    + spec + ". Only symmetric encryption keys (SYMMETRIC_DEFAULT) can be rotated.");
        }
    }
}
