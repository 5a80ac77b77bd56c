package dev.kmslab.engine;

import dev.kmslab.engine.error.InvalidCiphertextException;
import dev.kmslab.engine.error.ValidationException;
import dev.kmslab.engine.model.AlgorithmSpec;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

/**
 * The client side of importing key material, as a learner (or a test) does it before ImportKeyMaterial: wrap the
 * material with the wrapping public key that GetParametersForImport returned, using the wrapping algorithm named
 * there. The engine's side ({@link #unwrap}) reverses it with the wrapping private key.
 *
 * <pre>
 * RSAES_OAEP_SHA_1 / _SHA_256       RSAES-OAEP(material), the named hash for both OAEP and MGF1, empty label
 * RSA_AES_KEY_WRAP_SHA_1 / _SHA_256  RSAES-OAEP(fresh AES-256 key) || AES-KWP(AES key, material)
 *                                    (the RSA part is exactly the modulus length; KWP is RFC 5649,
 *                                    the PKCS #11 CKM_RSA_AES_KEY_WRAP construction)
 * </pre>
 *
 * RSA private keys are too long for RSAES_OAEP, so they need an RSA_AES_KEY_WRAP algorithm, as in AWS.
 */
public final class ImportWrapper {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int AES_KEY_BYTES = 32;

    private ImportWrapper() {
    }

    /**
     * Wraps {@code keyMaterial} (32 bytes for a symmetric key, the raw key for HMAC, PKCS#8 DER for a key pair).
     *
     * @param wrappingPublicKey the DER SubjectPublicKeyInfo from GetParametersForImport
     */
    public static byte[] wrap(byte[] wrappingPublicKey, AlgorithmSpec algorithm, byte[] keyMaterial) {
        Validation.required("wrappingPublicKey", wrappingPublicKey);
        Validation.required("keyMaterial", keyMaterial);
        PublicKey rsa;
        try {
            rsa = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(wrappingPublicKey));
        } catch (GeneralSecurityException e) {
            throw new ValidationException("The wrapping public key is not a DER-encoded RSA public key.");
        }
        try {
            if (!isKeyWrap(supported(algorithm))) {
                return oaep(Cipher.ENCRYPT_MODE, rsa, algorithm).doFinal(keyMaterial);
            }
            byte[] aesKey = new byte[AES_KEY_BYTES];
            RANDOM.nextBytes(aesKey);
            try {
                byte[] wrappedKey = oaep(Cipher.ENCRYPT_MODE, rsa, algorithm).doFinal(aesKey);
                byte[] wrappedMaterial = kwp(Cipher.ENCRYPT_MODE, aesKey).doFinal(keyMaterial);
                byte[] out = Arrays.copyOf(wrappedKey, wrappedKey.length + wrappedMaterial.length);
                System.arraycopy(wrappedMaterial, 0, out, wrappedKey.length, wrappedMaterial.length);
                return out;
            } finally {
                Arrays.fill(aesKey, (byte) 0);
            }
        } catch (GeneralSecurityException e) {
            throw new ValidationException("The key material is too long for " + algorithm + " with this wrapping "
                    + "key; use an RSA_AES_KEY_WRAP algorithm or a larger wrapping key.");
        }
    }

    /**
     * The service side: recovers the material with the wrapping private key. Every failure is the same
     * InvalidCiphertextException, so the error reveals nothing about which step failed.
     */
    public static byte[] unwrap(PrivateKey wrappingPrivateKey, AlgorithmSpec algorithm, byte[] wrapped) {
        int rsaLength = ((RSAKey) wrappingPrivateKey).getModulus().bitLength() / 8;
        try {
            if (!isKeyWrap(algorithm)) {
                return oaep(Cipher.DECRYPT_MODE, wrappingPrivateKey, algorithm).doFinal(wrapped);
            }
            if (wrapped.length <= rsaLength) {
                throw invalid();
            }
            byte[] aesKey = oaep(Cipher.DECRYPT_MODE, wrappingPrivateKey, algorithm).doFinal(wrapped, 0, rsaLength);
            try {
                if (aesKey.length != AES_KEY_BYTES) {
                    throw invalid();
                }
                return kwp(Cipher.DECRYPT_MODE, aesKey).doFinal(wrapped, rsaLength, wrapped.length - rsaLength);
            } finally {
                Arrays.fill(aesKey, (byte) 0);
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw invalid();
        }
    }

    /** Refuses RSAES_PKCS1_V1_5, which AWS stopped accepting on 10 October 2023. */
    public static AlgorithmSpec supported(AlgorithmSpec algorithm) {
        Validation.required("wrappingAlgorithm", algorithm);
        if (algorithm == AlgorithmSpec.RSAES_PKCS1_V1_5) {
            throw new ValidationException("The wrapping algorithm RSAES_PKCS1_V1_5 is no longer supported. Use "
                    + "RSAES_OAEP_SHA_1, RSAES_OAEP_SHA_256, RSA_AES_KEY_WRAP_SHA_1 or RSA_AES_KEY_WRAP_SHA_256.");
        }
        return algorithm;
    }

    public static boolean isKeyWrap(AlgorithmSpec algorithm) {
        return algorithm == AlgorithmSpec.RSA_AES_KEY_WRAP_SHA_1 || algorithm == AlgorithmSpec.RSA_AES_KEY_WRAP_SHA_256;
    }

    private static Cipher oaep(int mode, Key key, AlgorithmSpec algorithm) throws GeneralSecurityException {
        boolean sha256 = algorithm == AlgorithmSpec.RSAES_OAEP_SHA_256
                || algorithm == AlgorithmSpec.RSA_AES_KEY_WRAP_SHA_256;
        String hash = sha256 ? "SHA-256" : "SHA-1";
        Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
        cipher.init(mode, key, new OAEPParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash),
                PSource.PSpecified.DEFAULT));
        return cipher;
    }

    /** AES Key Wrap with Padding (RFC 5649), which JDK 17's SunJCE provides as AES/KWP/NoPadding. */
    static Cipher kwp(int mode, byte[] aesKey) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/KWP/NoPadding");
        cipher.init(mode, new SecretKeySpec(aesKey, "AES"));
        return cipher;
    }

    private static InvalidCiphertextException invalid() {
        return new InvalidCiphertextException("The wrapped key material could not be decrypted with the wrapping "
                + "key and algorithm of this import token.");
    }
}
