package dev.kmslab.engine.model;

/** VerifyMac. macValid is always true: a wrong tag is reported as KMSInvalidMacException, as AWS does. */
public record VerifyMacResult(String keyId, boolean macValid, MacAlgorithmSpec macAlgorithm) {
}
