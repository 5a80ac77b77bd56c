package dev.kmslab.engine.crypto.asymmetric;

import dev.kmslab.engine.crypto.AsymmetricKeyMaterial;
import dev.kmslab.engine.crypto.KeyMaterial;
import dev.kmslab.engine.crypto.asymmetric.spec.KeySpecRules;
import dev.kmslab.engine.error.KMSInternalException;
import dev.kmslab.engine.error.KMSInvalidSignatureException;
import dev.kmslab.engine.error.ValidationException;
import dev.kmslab.engine.model.KeyUsage;
import dev.kmslab.engine.model.MessageType;
import dev.kmslab.engine.model.SigningAlgorithmSpec;
import java.security.GeneralSecurityException;

/**
 * The Sign and Verify operations with AWS semantics: the key must have KeyUsage SIGN_VERIFY and offer the algorithm;
 * a RAW message is 1 to 4096 bytes; a DIGEST must be exactly the algorithm's hash length and is signed without
 * hashing again; EXTERNAL_MU (ML-DSA only) is 64 bytes. A failed verification is KMSInvalidSignatureException.
 */
public final class SignVerify {

    private SignVerify() {
    }

    /**
     * Signs a message or digest.
     *
     * @param messageType RAW, DIGEST or EXTERNAL_MU; null means RAW (the AWS default)
     * @return the signature: DER ECDSA-Sig-Value for ECDSA, PKCS#1 bytes for RSA, 64 bytes for Ed25519
     */
    public static byte[] sign(KeyMaterial key, KeyUsage usage, SigningAlgorithmSpec algorithm, MessageType messageType,
            byte[] message) {
        AsymmetricKeyMaterial material = checkRequest(key, usage, algorithm, messageType, message, "Sign");
        try {
            return SignatureSchemes.sign(material, algorithm, typeOrRaw(messageType), message);
        } catch (GeneralSecurityException e) {
            throw new KMSInternalException("Signing with " + algorithm + " failed.", e);
        }
    }

    /**
     * Verifies a signature; returns normally when it is valid.
     *
     * @throws KMSInvalidSignatureException when the signature does not match the message and key
     */
    public static void verify(KeyMaterial key, KeyUsage usage, SigningAlgorithmSpec algorithm, MessageType messageType,
            byte[] message, byte[] signature) {
        AsymmetricKeyMaterial material = checkRequest(key, usage, algorithm, messageType, message, "Verify");
        Requests.length(signature, "signature", 1, KeySpecRules.MAX_CIPHERTEXT_BYTES);
        boolean valid;
        try {
            valid = SignatureSchemes.verify(material, algorithm, typeOrRaw(messageType), message, signature);
        } catch (GeneralSecurityException e) {
            valid = false;
        }
        if (!valid) {
            throw new KMSInvalidSignatureException("The signature is not valid for this message, KMS key and "
                    + "signing algorithm " + algorithm + ".");
        }
    }

    private static MessageType typeOrRaw(MessageType type) {
        return type == null ? MessageType.RAW : type;
    }

    private static AsymmetricKeyMaterial checkRequest(KeyMaterial key, KeyUsage usage, SigningAlgorithmSpec algorithm,
            MessageType messageType, byte[] message, String operation) {
        Requests.required(algorithm, "signingAlgorithm");
        Requests.usage(usage, KeyUsage.SIGN_VERIFY, operation);
        AsymmetricKeyMaterial material = Requests.asymmetric(key, operation);
        if (!KeySpecRules.algorithms(material.spec(), usage).signing().contains(algorithm)) {
            throw Requests.incompatible("signing", algorithm, material.spec());
        }
        MessageType type = typeOrRaw(messageType);
        if (!KeySpecRules.messageTypes(algorithm).contains(type)) {
            throw new ValidationException("MessageType " + type + " is not supported with signing algorithm "
                    + algorithm + ". Use one of " + KeySpecRules.messageTypes(algorithm) + ".");
        }
        Requests.length(message, "message", 1, KeySpecRules.MAX_MESSAGE_BYTES);
        if (type != MessageType.RAW && message.length != algorithm.digestLength()) {
            throw new ValidationException("Digest is invalid length for algorithm " + algorithm + ": a "
                    + type + " message must be " + algorithm.digestLength() + " bytes, not " + message.length
                    + ".");
        }
        return material;
    }
}
