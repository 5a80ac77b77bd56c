package dev.kmslab.engine.esdk;

import java.util.List;
import java.util.Map;

/**
 * What one encryption or decryption of a file did.
 *
 * @param format            the message format read or written
 * @param algorithmSuite    the algorithm suite, e.g. {@code ALG_AES_256_GCM_HKDF_SHA512_COMMIT_KEY_ECDSA_P384} (the
 *                          older format's own suite name for files in it)
 * @param keyArns           the KMS keys whose encrypted data keys the message carries (in header order)
 * @param encryptionContext the context bound to the message, with any pair the SDK added (the signing public key)
 * @param plaintextBytes    plaintext bytes read (encrypt) or written (decrypt)
 * @param frameLength       plaintext bytes per frame
 */
public record MessageResult(MessageFormat format, String algorithmSuite, List<String> keyArns,
        Map<String, String> encryptionContext, long plaintextBytes, int frameLength) {

    public MessageResult {
        keyArns = List.copyOf(keyArns);
        encryptionContext = Map.copyOf(encryptionContext);
    }

    /** The first key, the one whose GenerateDataKey made the data key. */
    public String keyArn() {
        return keyArns.isEmpty() ? "" : keyArns.get(0);
    }
}
