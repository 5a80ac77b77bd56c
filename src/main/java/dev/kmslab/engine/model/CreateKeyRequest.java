package dev.kmslab.engine.model;

import java.util.List;

/**
 * CreateKey. Null members take the AWS defaults: keyUsage ENCRYPT_DECRYPT, keySpec SYMMETRIC_DEFAULT, origin AWS_KMS,
 * no description, no tags.
 */
public record CreateKeyRequest(String description, KeyUsage keyUsage, KeySpec keySpec, OriginType origin,
                               List<Tag> tags) {

    /** A symmetric encryption key with all defaults. */
    public static CreateKeyRequest symmetric() {
        return new CreateKeyRequest(null, null, null, null, null);
    }

    public static CreateKeyRequest withDescription(String description) {
        return new CreateKeyRequest(description, null, null, null, null);
    }
}
