package dev.kmslab.engine.crypto.asymmetric;

import dev.kmslab.engine.crypto.HmacKeyMaterial;
import dev.kmslab.engine.crypto.KeyMaterial;
import dev.kmslab.engine.crypto.asymmetric.spec.KeySpecRules;
import dev.kmslab.engine.error.InvalidKeyUsageException;
import dev.kmslab.engine.error.KMSInternalException;
import dev.kmslab.engine.error.KMSInvalidMacException;
import dev.kmslab.engine.model.KeyUsage;
import dev.kmslab.engine.model.MacAlgorithmSpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;

/**
 * GenerateMac and VerifyMac with HMAC keys (RFC 2104). Messages are 1 to 4096 bytes and are MACed as given (no
 * special handling for digests). VerifyMac recomputes the tag and compares in constant time.
 */
public final class MacOperations {

    private MacOperations() {
    }

    public static byte[] generateMac(KeyMaterial key, KeyUsage usage, MacAlgorithmSpec algorithm, byte[] message) {
        HmacKeyMaterial material = checkRequest(key, usage, algorithm, message, "GenerateMac");
        return compute(material, algorithm, message);
    }

    /** Returns normally when the MAC is valid; otherwise KMSInvalidMacException. */
    public static void verifyMac(KeyMaterial key, KeyUsage usage, MacAlgorithmSpec algorithm, byte[] message,
            byte[] mac) {
        HmacKeyMaterial material = checkRequest(key, usage, algorithm, message, "VerifyMac");
        Requests.length(mac, "mac", 1, KeySpecRules.MAX_CIPHERTEXT_BYTES);
        byte[] expected = compute(material, algorithm, message);
        if (!MessageDigest.isEqual(expected, mac)) {
            throw new KMSInvalidMacException("The MAC is not valid for this message, KMS key and MAC algorithm "
                    + algorithm + ".");
        }
    }

    private static byte[] compute(HmacKeyMaterial key, MacAlgorithmSpec algorithm, byte[] message) {
        try {
            Mac mac = Mac.getInstance(algorithm.jcaName());
            mac.init(key.secretKey(algorithm.jcaName()));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new KMSInternalException("HMAC computation failed.", e);
        }
    }

    private static HmacKeyMaterial checkRequest(KeyMaterial key, KeyUsage usage, MacAlgorithmSpec algorithm,
            byte[] message, String operation) {
        Requests.required(algorithm, "macAlgorithm");
        Requests.usage(usage, KeyUsage.GENERATE_VERIFY_MAC, operation);
        Requests.required(key, "keyId");
        if (!(key instanceof HmacKeyMaterial hmac)) {
            throw new InvalidKeyUsageException("KeySpec " + Requests.specOf(key) + " is not valid for " + operation
                    + ". " + operation + " requires an HMAC KMS key.");
        }
        if (KeySpecRules.macAlgorithm(hmac.spec()) != algorithm) {
            throw Requests.incompatible("MAC", algorithm, hmac.spec());
        }
        Requests.length(message, "message", 1, KeySpecRules.MAX_MESSAGE_BYTES);
        return hmac;
    }
}
