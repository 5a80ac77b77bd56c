package dev.kmslab.engine.model;

/** Verify: the same members as Sign plus the signature to check. */
public record VerifyRequest(String keyId, byte[] message, MessageType messageType, byte[] signature,
                            SigningAlgorithmSpec signingAlgorithm) {

    @Override
    public String toString() {
        return "VerifyRequest[keyId=" + keyId + ", message=" + (message == null ? 0 : message.length) + " bytes, "
                + messageType + ", signature=" + (signature == null ? 0 : signature.length) + " bytes, "
                + signingAlgorithm + "]";
    }
}
