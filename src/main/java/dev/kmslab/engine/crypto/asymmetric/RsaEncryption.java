package dev.kmslab.engine.crypto.asymmetric;

import dev.kmslab.engine.crypto.AsymmetricKeyMaterial;
import dev.kmslab.engine.crypto.KeyMaterial;
import dev.kmslab.engine.crypto.asymmetric.spec.KeySpecRules;
import dev.kmslab.engine.error.InvalidCiphertextException;
import dev.kmslab.engine.error.KMSInternalException;
import dev.kmslab.engine.error.ValidationException;
import dev.kmslab.engine.model.EncryptionAlgorithmSpec;
import dev.kmslab.engine.model.KeyUsage;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.spec.MGF1ParameterSpec;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/**
 * Encrypt and Decrypt with RSA ENCRYPT_DECRYPT keys: RSAES-OAEP (RFC 8017) with SHA-1 or SHA-256 used for both the
 * label hash and MGF1, and an empty label. The plaintext limit is k - 2*hLen - 2 bytes: 214/190 for RSA_2048,
 * 342/318 for RSA_3072, 470/446 for RSA_4096 (SHA-1/SHA-256). Any undecryptable ciphertext is
 * InvalidCiphertextException with one message, so the error reveals nothing about why.
 */
public final class RsaEncryption {

    private RsaEncryption() {
    }

    public static byte[] encrypt(KeyMaterial key, KeyUsage usage, EncryptionAlgorithmSpec algorithm, byte[] plaintext) {
        AsymmetricKeyMaterial material = checkKey(key, usage, algorithm, "Encrypt");
        Requests.length(plaintext, "plaintext", 1, KeySpecRules.MAX_MESSAGE_BYTES);
        int limit = algorithm.maxPlaintextBytes(material.spec().bits());
        if (plaintext.length > limit) {
            throw new ValidationException("Plaintext of " + plaintext.length + " bytes is too long for "
                    + algorithm + " with a " + material.spec() + " key: the limit is " + limit + " bytes.");
        }
        try {
            return cipher(Cipher.ENCRYPT_MODE, material.publicKey(), algorithm).doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new KMSInternalException("RSA encryption failed.", e);
        }
    }

    public static byte[] decrypt(KeyMaterial key, KeyUsage usage, EncryptionAlgorithmSpec algorithm, byte[] ciphertext) {
        AsymmetricKeyMaterial material = checkKey(key, usage, algorithm, "Decrypt");
        Requests.length(ciphertext, "ciphertextBlob", 1, KeySpecRules.MAX_CIPHERTEXT_BYTES);
        if (ciphertext.length != material.spec().bits() / 8) {
            throw invalidCiphertext();
        }
        try {
            return cipher(Cipher.DECRYPT_MODE, material.privateKey(), algorithm).doFinal(ciphertext);
        } catch (GeneralSecurityException e) {
            throw invalidCiphertext();
        }
    }

    private static InvalidCiphertextException invalidCiphertext() {
        return new InvalidCiphertextException("The ciphertext is invalid for this KMS key and encryption algorithm.");
    }

    private static AsymmetricKeyMaterial checkKey(KeyMaterial key, KeyUsage usage, EncryptionAlgorithmSpec algorithm,
            String operation) {
        Requests.required(algorithm, "encryptionAlgorithm");
        Requests.usage(usage, KeyUsage.ENCRYPT_DECRYPT, operation);
        AsymmetricKeyMaterial material = Requests.asymmetric(key, operation);
        if (!KeySpecRules.algorithms(material.spec(), usage).encryption().contains(algorithm)) {
            throw Requests.incompatible("encryption", algorithm, material.spec());
        }
        return material;
    }

    private static Cipher cipher(int mode, Key key, EncryptionAlgorithmSpec algorithm) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
        OAEPParameterSpec oaep = new OAEPParameterSpec(algorithm.hashName(), "MGF1",
                new MGF1ParameterSpec(algorithm.hashName()), PSource.PSpecified.DEFAULT);
        cipher.init(mode, key, oaep);
        return cipher;
    }
}
