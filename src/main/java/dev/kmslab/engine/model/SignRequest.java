package dev.kmslab.engine.model;

/**
 * Sign. keyId: key id, key ARN, alias name or alias ARN of a SIGN_VERIFY key. message: 1–4096 bytes (RAW) or a digest
 * exactly as long as the algorithm's hash (DIGEST). messageType null means RAW. signingAlgorithm is required.
 */
public record SignRequest(String keyId, byte[] message, MessageType messageType,
                          SigningAlgorithmSpec signingAlgorithm) {

    public static SignRequest raw(String keyId, byte[] message, SigningAlgorithmSpec algorithm) {
        return new SignRequest(keyId, message, MessageType.RAW, algorithm);
    }

    @Override
    public String toString() {
        return "SignRequest[keyId=" + keyId + ", message=" + (message == null ? 0 : message.length) + " bytes, "
                + messageType + ", " + signingAlgorithm + "]";
    }
}
