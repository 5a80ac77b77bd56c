package dev.kmslab.engine.model;

/** VerifyMac: the GenerateMac members plus the tag to check. */
public record VerifyMacRequest(byte[] message, String keyId, MacAlgorithmSpec macAlgorithm, byte[] mac) {

    @Override
    public String toString() {
        return "VerifyMacRequest[keyId=" + keyId + ", message=" + (message == null ? 0 : message.length)
                + " bytes, " + macAlgorithm + "]";
    }
}
