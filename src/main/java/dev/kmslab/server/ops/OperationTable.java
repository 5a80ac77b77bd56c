package dev.kmslab.server.ops;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.KmsOperation;
import dev.kmslab.server.json.JsonInput;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Operation name ({@code TrentService.<Name>}) to handler. Names of real AWS KMS operations the engine does not
 * implement are known too, so a call to one fails with UnsupportedOperationException instead of looking like a typo.
 */
public final class OperationTable {

    /** Every operation of the AWS KMS API (2014-11-01) as of AWS SDK for Java 2.57. */
    public static final Set<String> AWS_KMS_OPERATIONS = Set.of(
            "CancelKeyDeletion", "ConnectCustomKeyStore", "CreateAlias", "CreateCustomKeyStore", "CreateGrant",
            "CreateKey", "Decapsulate", "Decrypt", "DeleteAlias", "DeleteCustomKeyStore", "DeleteImportedKeyMaterial",
            "DeriveSharedSecret", "DescribeCustomKeyStores", "DescribeKey", "DisableKey", "DisableKeyRotation",
            "DisconnectCustomKeyStore", "EnableKey", "EnableKeyRotation", "Encapsulate", "Encrypt", "GenerateDataKey",
            "GenerateDataKeyPair", "GenerateDataKeyPairWithoutPlaintext", "GenerateDataKeyWithoutPlaintext",
            "GenerateMac", "GenerateRandom", "GetKeyLastUsage", "GetKeyPolicy", "GetKeyRotationStatus",
            "GetParametersForImport", "GetPublicKey", "ImportKeyMaterial", "ListAliases", "ListGrants",
            "ListKeyPolicies", "ListKeyRotations", "ListKeys", "ListResourceTags", "ListRetirableGrants",
            "PutKeyPolicy", "ReEncrypt", "ReplicateKey", "RetireGrant", "RevokeGrant", "RotateKeyOnDemand",
            "ScheduleKeyDeletion", "Sign", "TagResource", "UntagResource", "UpdateAlias", "UpdateCustomKeyStore",
            "UpdateKeyDescription", "UpdatePrimaryRegion", "Verify", "VerifyMac");

    private final Map<String, Operation> operations;

    private OperationTable(Map<String, Operation> operations) {
        this.operations = Map.copyOf(operations);
    }

    /** Every operation the engine implements. */
    public static OperationTable standard() {
        Map<String, Operation> table = new HashMap<>();
        KeyEndpoints.register(table);
        AliasEndpoints.register(table);
        TagEndpoints.register(table);
        CryptoEndpoints.register(table);
        RotationEndpoints.register(table);
        PolicyEndpoints.register(table);
        GrantEndpoints.register(table);
        SignatureEndpoints.register(table);
        KeyPairEndpoints.register(table);
        ImportEndpoints.register(table);
        MultiRegionEndpoints.register(table);
        CustomKeyStoreEndpoints.register(table);
        return new OperationTable(table);
    }

    /** This table plus (or overriding) the given operations, for engines that grow new features. */
    public OperationTable with(Map<String, Operation> more) {
        Map<String, Operation> table = new HashMap<>(operations);
        table.putAll(more);
        return new OperationTable(table);
    }

    /**
     * The caller as a dry run when the operation has AWS's {@code DryRun} member and the request sets it true
     * (see {@link CallerContext#asDryRun()}); other operations have no such member and do not read it.
     * DryRunModifiers (IGNORE_CIPHERTEXT on Decrypt and ReEncrypt) is refused rather than
     * ignored: a dry run that checked the ciphertext after being told not to would answer a different question.
     */
    public static CallerContext dryRunAware(String operation, JsonInput in, CallerContext caller) {
        if (!dryRunOperation(operation) || !Boolean.TRUE.equals(in.bool("DryRun"))) {
            return caller;
        }
        List<String> modifiers = in.stringList("DryRunModifiers");
        if (modifiers != null && !modifiers.isEmpty()) {
            in.unsupported("DryRunModifiers", "a dry run here always checks the ciphertext too.");
        }
        return caller.asDryRun();
    }

    private static boolean dryRunOperation(String operation) {
        for (KmsOperation op : KmsOperation.values()) {
            if (op.name().equals(operation)) {
                return op.supportsDryRun();
            }
        }
        return false;
    }

    public Optional<Operation> find(String name) {
        return Optional.ofNullable(operations.get(name));
    }

    public Set<String> names() {
        return operations.keySet();
    }
}
