package dev.kmslab.engine.model;

import java.util.List;

/**
 * CreateKey. Null members take the AWS defaults: keyUsage ENCRYPT_DECRYPT, keySpec SYMMETRIC_DEFAULT, origin AWS_KMS,
 * no description, no tags, the default key policy. {@code policy} is key policy JSON text (kept verbatim for
 * GetKeyPolicy); {@code bypassPolicyLockoutSafetyCheck} skips the check that the caller could still change the
 * policy afterwards (null means false).
 */
public record CreateKeyRequest(String description, KeyUsage keyUsage, KeySpec keySpec, OriginType origin,
                               List<Tag> tags, String policy, Boolean bypassPolicyLockoutSafetyCheck) {

    /** A request with the default key policy. */
    public CreateKeyRequest(String description, KeyUsage keyUsage, KeySpec keySpec, OriginType origin,
                            List<Tag> tags) {
        this(description, keyUsage, keySpec, origin, tags, null, null);
    }

    /** A symmetric encryption key with all defaults. */
    public static CreateKeyRequest symmetric() {
        return new CreateKeyRequest(null, null, null, null, null);
    }

    public static CreateKeyRequest withDescription(String description) {
        return new CreateKeyRequest(description, null, null, null, null);
    }

    /** A symmetric encryption key with this key policy. */
    public static CreateKeyRequest withPolicy(String policy) {
        return new CreateKeyRequest(null, null, null, null, null, policy, null);
    }

    public boolean bypassLockoutCheck() {
        return Boolean.TRUE.equals(bypassPolicyLockoutSafetyCheck);
    }
}
