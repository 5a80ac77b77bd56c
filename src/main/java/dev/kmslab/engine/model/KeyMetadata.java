package dev.kmslab.engine.model;

import java.time.Instant;
import java.util.List;

/**
 * What DescribeKey reports about a key. {@code deletionDate} and {@code pendingDeletionWindowInDays} are null unless
 * the key is pending deletion. Of the algorithm lists only the one matching the key usage is non-empty.
 * {@code expirationModel} is null unless the key's origin is EXTERNAL and it has key material; {@code validTo} is
 * null unless that material expires, and for a key with several imported materials it is the earliest expiry among
 * them (the key stops working when any of them expires). {@code multiRegionConfiguration} is null for single-Region
 * keys.
 * {@code customKeyStoreId} and {@code cloudHsmClusterId} are null unless the key is in a custom key store.
 */
public record KeyMetadata(
        String awsAccountId,
        String keyId,
        String arn,
        Instant creationDate,
        boolean enabled,
        String description,
        KeyUsage keyUsage,
        KeyState keyState,
        Instant deletionDate,
        Integer pendingDeletionWindowInDays,
        OriginType origin,
        KeyManager keyManager,
        KeySpec keySpec,
        List<EncryptionAlgorithmSpec> encryptionAlgorithms,
        boolean multiRegion,
        String currentKeyMaterialId,
        List<SigningAlgorithmSpec> signingAlgorithms,
        List<MacAlgorithmSpec> macAlgorithms,
        List<KeyAgreementAlgorithmSpec> keyAgreementAlgorithms,
        ExpirationModelType expirationModel,
        Instant validTo,
        MultiRegionConfiguration multiRegionConfiguration,
        String customKeyStoreId,
        String cloudHsmClusterId) {

    public KeyMetadata {
        encryptionAlgorithms = encryptionAlgorithms == null ? List.of() : List.copyOf(encryptionAlgorithms);
        signingAlgorithms = signingAlgorithms == null ? List.of() : List.copyOf(signingAlgorithms);
        macAlgorithms = macAlgorithms == null ? List.of() : List.copyOf(macAlgorithms);
        keyAgreementAlgorithms = keyAgreementAlgorithms == null ? List.of() : List.copyOf(keyAgreementAlgorithms);
    }

    /** A key outside custom key stores. */
    public KeyMetadata(String awsAccountId, String keyId, String arn, Instant creationDate, boolean enabled,
                       String description, KeyUsage keyUsage, KeyState keyState, Instant deletionDate,
                       Integer pendingDeletionWindowInDays, OriginType origin, KeyManager keyManager, KeySpec keySpec,
                       List<EncryptionAlgorithmSpec> encryptionAlgorithms, boolean multiRegion,
                       String currentKeyMaterialId, List<SigningAlgorithmSpec> signingAlgorithms,
                       List<MacAlgorithmSpec> macAlgorithms, List<KeyAgreementAlgorithmSpec> keyAgreementAlgorithms,
                       ExpirationModelType expirationModel, Instant validTo,
                       MultiRegionConfiguration multiRegionConfiguration) {
        this(awsAccountId, keyId, arn, creationDate, enabled, description, keyUsage, keyState, deletionDate,
                pendingDeletionWindowInDays, origin, keyManager, keySpec, encryptionAlgorithms, multiRegion,
                currentKeyMaterialId, signingAlgorithms, macAlgorithms, keyAgreementAlgorithms, expirationModel,
                validTo, multiRegionConfiguration, null, null);
    }

    /** The symmetric-key form: no signing, MAC or key agreement algorithms, no import expiry. */
    public KeyMetadata(String awsAccountId, String keyId, String arn, Instant creationDate, boolean enabled,
                       String description, KeyUsage keyUsage, KeyState keyState, Instant deletionDate,
                       Integer pendingDeletionWindowInDays, OriginType origin, KeyManager keyManager, KeySpec keySpec,
                       List<EncryptionAlgorithmSpec> encryptionAlgorithms, boolean multiRegion,
                       String currentKeyMaterialId) {
        this(awsAccountId, keyId, arn, creationDate, enabled, description, keyUsage, keyState, deletionDate,
                pendingDeletionWindowInDays, origin, keyManager, keySpec, encryptionAlgorithms, multiRegion,
                currentKeyMaterialId, List.of(), List.of(), List.of(), null, null, null, null, null);
    }

    /** The same metadata with another multi-Region configuration (filled in from the related Regions). */
    public KeyMetadata withMultiRegionConfiguration(MultiRegionConfiguration configuration) {
        return new KeyMetadata(awsAccountId, keyId, arn, creationDate, enabled, description, keyUsage, keyState,
                deletionDate, pendingDeletionWindowInDays, origin, keyManager, keySpec, encryptionAlgorithms,
                multiRegion, currentKeyMaterialId, signingAlgorithms, macAlgorithms, keyAgreementAlgorithms,
                expirationModel, validTo, configuration, customKeyStoreId, cloudHsmClusterId);
    }
}
