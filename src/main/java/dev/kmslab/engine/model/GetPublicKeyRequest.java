package dev.kmslab.engine.model;

/** GetPublicKey; keyId may be a key id, key ARN, alias name or alias ARN of an asymmetric key. */
public record GetPublicKeyRequest(String keyId) {
}
