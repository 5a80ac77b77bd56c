package dev.kmslab.engine.model;

/** GenerateMac: message 1–4096 bytes, the HMAC key and its MAC algorithm (required, must match the key spec). */
public record GenerateMacRequest(byte[] message, String keyId, MacAlgorithmSpec macAlgorithm) {

    @Override
    public String toString() {
        return "GenerateMacRequest[keyId=" + keyId + ", message=" + (message == null ? 0 : message.length)
                + " bytes, " + macAlgorithm + "]";
    }
}
