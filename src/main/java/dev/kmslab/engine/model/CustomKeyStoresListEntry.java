package dev.kmslab.engine.model;

import java.time.Instant;

/**
 * One store as DescribeCustomKeyStores reports it. {@code connectionErrorCode} is null unless the state is FAILED.
 * The last three members are KMS Lab's: the token settings that stand in for the CloudHSM cluster, and whether the
 * connected token is the in-memory stand-in rather than a real PKCS#11 token.
 */
public record CustomKeyStoresListEntry(String customKeyStoreId, String customKeyStoreName, String cloudHsmClusterId,
                                       ConnectionState connectionState, ConnectionErrorCode connectionErrorCode,
                                       Instant creationDate, CustomKeyStoreType customKeyStoreType,
                                       String moduleLibrary, String slot, boolean simulatedToken) {
}
