package dev.kmslab.engine.model;

/**
 * Verify. signatureValid is always true: like AWS, an invalid signature is reported as KMSInvalidSignatureException,
 * not as false.
 */
public record VerifyResult(String keyId, boolean signatureValid, SigningAlgorithmSpec signingAlgorithm) {
}
