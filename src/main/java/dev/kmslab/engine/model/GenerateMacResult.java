package dev.kmslab.engine.model;

/** GenerateMac: the HMAC tag; keyId is the key ARN. */
public record GenerateMacResult(byte[] mac, MacAlgorithmSpec macAlgorithm, String keyId) {

    @Override
    public String toString() {
        return "GenerateMacResult[keyId=" + keyId + ", mac=" + mac.length + " bytes, " + macAlgorithm + "]";
    }
}
