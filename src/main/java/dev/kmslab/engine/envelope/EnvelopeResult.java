package dev.kmslab.engine.envelope;

import java.util.Map;

/**
 * What an envelope operation did.
 *
 * @param keyArn            the KMS key that protects the data key
 * @param encryptionContext the context bound to the message (authenticated on decryption)
 * @param plaintextBytes    plaintext bytes read (encrypt) or written (decrypt)
 * @param frames            frames written or read, including the final frame
 */
public record EnvelopeResult(String keyArn, Map<String, String> encryptionContext, long plaintextBytes, long frames) {

    public EnvelopeResult {
        encryptionContext = Map.copyOf(encryptionContext);
    }
}
