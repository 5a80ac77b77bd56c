package dev.kmslab.engine.model;

import java.util.List;

/**
 * CreateKey. Null members take the AWS defaults: keyUsage ENCRYPT_DECRYPT, keySpec SYMMETRIC_DEFAULT, origin AWS_KMS,
 * no description, no tags, multiRegion false. A multi-Region key gets an id of the form {@code mrk-<32 hex digits>}.
 */
public record CreateKeyRequest(String description, KeyUsage keyUsage, KeySpec keySpec, OriginType origin,
                               List<Tag> tags, Boolean multiRegion) {

    /** A single-Region key. */
    public CreateKeyRequest(String description, KeyUsage keyUsage, KeySpec keySpec, OriginType origin,
                            List<Tag> tags) {
        this(description, keyUsage, keySpec, origin, tags, null);
    }

    /** A symmetric encryption key with all defaults. */
    public static CreateKeyRequest symmetric() {
        return new CreateKeyRequest(null, null, null, null, null);
    }

    public static CreateKeyRequest withDescription(String description) {
        return new CreateKeyRequest(description, null, null, null, null);
    }

    /** A key that is multi-Region (or not), otherwise as this request. */
    public CreateKeyRequest withMultiRegion(boolean value) {
        return new CreateKeyRequest(description, keyUsage, keySpec, origin, tags, value);
    }
}
