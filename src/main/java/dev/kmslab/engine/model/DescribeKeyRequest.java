package dev.kmslab.engine.model;

/** DescribeKey; keyId may be a key id, key ARN, alias name or alias ARN. */
public record DescribeKeyRequest(String keyId) {
}
