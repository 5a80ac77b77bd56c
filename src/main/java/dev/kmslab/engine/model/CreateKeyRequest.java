package dev.kmslab.engine.model;

import java.util.List;

/**
 * CreateKey. Null members take the AWS defaults: keyUsage ENCRYPT_DECRYPT, keySpec SYMMETRIC_DEFAULT, origin AWS_KMS,
 * no description, no tags, the default key policy, multiRegion false. {@code policy} is key policy JSON text (kept
 * verbatim for GetKeyPolicy); {@code bypassPolicyLockoutSafetyCheck} skips the check that the caller could still
 * change the policy afterwards (null means false). A multi-Region key gets an id of the form
 * {@code mrk-<32 hex digits>}. {@code customKeyStoreId} creates the key in that custom key store (Origin must then
 * be AWS_CLOUDHSM).
 */
public record CreateKeyRequest(String description, KeyUsage keyUsage, KeySpec keySpec, OriginType origin,
                               List<Tag> tags, String policy, Boolean bypassPolicyLockoutSafetyCheck,
                               Boolean multiRegion, String customKeyStoreId) {

    /** A key outside custom key stores. */
    public CreateKeyRequest(String description, KeyUsage keyUsage, KeySpec keySpec, OriginType origin,
                            List<Tag> tags, String policy, Boolean bypassPolicyLockoutSafetyCheck,
                            Boolean multiRegion) {
        this(description, keyUsage, keySpec, origin, tags, policy, bypassPolicyLockoutSafetyCheck, multiRegion, null);
    }

    /** A single-Region key with the default key policy. */
    public CreateKeyRequest(String description, KeyUsage keyUsage, KeySpec keySpec, OriginType origin,
                            List<Tag> tags) {
        this(description, keyUsage, keySpec, origin, tags, null, null, null);
    }

    /** A key with the default key policy, multi-Region or not. */
    public CreateKeyRequest(String description, KeyUsage keyUsage, KeySpec keySpec, OriginType origin,
                            List<Tag> tags, Boolean multiRegion) {
        this(description, keyUsage, keySpec, origin, tags, null, null, multiRegion);
    }

    /** A single-Region key with this key policy. */
    public CreateKeyRequest(String description, KeyUsage keyUsage, KeySpec keySpec, OriginType origin,
                            List<Tag> tags, String policy, Boolean bypassPolicyLockoutSafetyCheck) {
        this(description, keyUsage, keySpec, origin, tags, policy, bypassPolicyLockoutSafetyCheck, null);
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
        return new CreateKeyRequest(null, null, null, null, null, policy, null, null);
    }

    /** A symmetric encryption key in custom key store {@code storeId} (Origin AWS_CLOUDHSM). */
    public static CreateKeyRequest inCustomKeyStore(String storeId, String description) {
        return new CreateKeyRequest(description, null, null, OriginType.AWS_CLOUDHSM, null, null, null, null, storeId);
    }

    public boolean bypassLockoutCheck() {
        return Boolean.TRUE.equals(bypassPolicyLockoutSafetyCheck);
    }

    /** A key that is multi-Region (or not), otherwise as this request. */
    public CreateKeyRequest withMultiRegion(boolean value) {
        return new CreateKeyRequest(description, keyUsage, keySpec, origin, tags, policy,
                bypassPolicyLockoutSafetyCheck, value, customKeyStoreId);
    }
}
