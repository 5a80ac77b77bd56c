package dev.kmslab.engine;

import java.util.EnumSet;
import java.util.Set;

/** The KMS operations the engine implements; names are the AWS API names (also the audit event names). */
public enum KmsOperation {
    CreateKey(false), DescribeKey(true), ListKeys(false), UpdateKeyDescription(true), EnableKey(true),
    DisableKey(true), ScheduleKeyDeletion(true), CancelKeyDeletion(true),
    CreateAlias(true), UpdateAlias(true), DeleteAlias(true), ListAliases(false),
    TagResource(true), UntagResource(true), ListResourceTags(true),
    Encrypt(true), Decrypt(true), ReEncrypt(true), GenerateDataKey(true), GenerateDataKeyWithoutPlaintext(true),
    GenerateRandom(false),
    EnableKeyRotation(true), DisableKeyRotation(true), GetKeyRotationStatus(true), RotateKeyOnDemand(true),
    ListKeyRotations(true),
    PutKeyPolicy(true), GetKeyPolicy(true), ListKeyPolicies(true),
    CreateGrant(true), ListGrants(true), ListRetirableGrants(false), RetireGrant(true), RevokeGrant(true),
    Sign(true), Verify(true), GetPublicKey(true), GenerateMac(true), VerifyMac(true), DeriveSharedSecret(true),
    GenerateDataKeyPair(true), GenerateDataKeyPairWithoutPlaintext(true),
    GetParametersForImport(true), ImportKeyMaterial(true), DeleteImportedKeyMaterial(true),
    ReplicateKey(true), UpdatePrimaryRegion(true),
    CreateCustomKeyStore(false), DescribeCustomKeyStores(false), ConnectCustomKeyStore(false),
    DisconnectCustomKeyStore(false), UpdateCustomKeyStore(false), DeleteCustomKeyStore(false);

    private static final Set<KmsOperation> DRY_RUN = EnumSet.of(Encrypt, Decrypt, ReEncrypt, GenerateDataKey,
            GenerateDataKeyWithoutPlaintext, GenerateDataKeyPair, GenerateDataKeyPairWithoutPlaintext, Sign, Verify,
            GenerateMac, VerifyMac, DeriveSharedSecret, CreateGrant, RetireGrant, RevokeGrant);

    private final boolean keyScoped;
    private final String action;

    KmsOperation(boolean keyScoped) {
        this.keyScoped = keyScoped;
        this.action = "kms:" + name();
    }

    /** True if the operation acts on one existing key (and so is governed by the key-state table). */
    public boolean keyScoped() {
        return keyScoped;
    }

    /** True if the AWS API gives the operation a {@code DryRun} parameter. */
    public boolean supportsDryRun() {
        return DRY_RUN.contains(this);
    }

    /** The IAM action, e.g. {@code kms:Encrypt}. ReEncrypt is authorized as kms:ReEncryptFrom and kms:ReEncryptTo. */
    public String action() {
        return action;
    }
}
