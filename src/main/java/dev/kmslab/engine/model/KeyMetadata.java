package dev.kmslab.engine.model;

import java.time.Instant;
import java.util.List;

/**
 * What DescribeKey reports about a key. {@code deletionDate} and {@code pendingDeletionWindowInDays} are null unless
 * the key is pending deletion.
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
        String currentKeyMaterialId) {
}
