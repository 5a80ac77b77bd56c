package dev.kmslab.engine;

import dev.kmslab.engine.access.KeyGrantOperations;
import dev.kmslab.engine.access.KeyPolicyOperations;
import dev.kmslab.engine.access.PolicySimulator;
import dev.kmslab.engine.audit.AuditLog;
import dev.kmslab.engine.cks.TokenFactory;
import dev.kmslab.engine.core.AuditParams;
import dev.kmslab.engine.core.Call;
import dev.kmslab.engine.core.CallGate;
import dev.kmslab.engine.core.EngineCore;
import dev.kmslab.engine.core.KeyStoreConnections;
import dev.kmslab.engine.core.RegionPeers;
import dev.kmslab.engine.core.RegionTime;
import dev.kmslab.engine.core.StateStore;
import dev.kmslab.engine.core.StoredState;
import dev.kmslab.engine.crypto.CryptoRandom;
import dev.kmslab.engine.imports.ImportOperations;
import dev.kmslab.engine.keys.AliasOperations;
import dev.kmslab.engine.keys.KeyOperations;
import dev.kmslab.engine.keys.TagOperations;
import dev.kmslab.engine.keystores.CustomKeyStoreOperations;
import dev.kmslab.engine.keyuse.AsymmetricOperations;
import dev.kmslab.engine.keyuse.CryptoOperations;
import dev.kmslab.engine.keyuse.DataKeyPairOperations;
import dev.kmslab.engine.model.CancelKeyDeletionRequest;
import dev.kmslab.engine.model.CancelKeyDeletionResult;
import dev.kmslab.engine.model.CreateAliasRequest;
import dev.kmslab.engine.model.CreateGrantRequest;
import dev.kmslab.engine.model.CreateGrantResult;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.CreateKeyResult;
import dev.kmslab.engine.model.DecryptRequest;
import dev.kmslab.engine.model.DecryptResult;
import dev.kmslab.engine.model.DeleteAliasRequest;
import dev.kmslab.engine.model.DeleteImportedKeyMaterialRequest;
import dev.kmslab.engine.model.DeleteImportedKeyMaterialResult;
import dev.kmslab.engine.model.DeriveSharedSecretRequest;
import dev.kmslab.engine.model.DeriveSharedSecretResult;
import dev.kmslab.engine.model.DescribeKeyRequest;
import dev.kmslab.engine.model.DescribeKeyResult;
import dev.kmslab.engine.model.DisableKeyRequest;
import dev.kmslab.engine.model.DisableKeyRotationRequest;
import dev.kmslab.engine.model.EnableKeyRequest;
import dev.kmslab.engine.model.EnableKeyRotationRequest;
import dev.kmslab.engine.model.EncryptRequest;
import dev.kmslab.engine.model.EncryptResult;
import dev.kmslab.engine.model.GenerateDataKeyPairRequest;
import dev.kmslab.engine.model.GenerateDataKeyPairResult;
import dev.kmslab.engine.model.GenerateDataKeyPairWithoutPlaintextResult;
import dev.kmslab.engine.model.GenerateDataKeyRequest;
import dev.kmslab.engine.model.GenerateDataKeyResult;
import dev.kmslab.engine.model.GenerateDataKeyWithoutPlaintextResult;
import dev.kmslab.engine.model.GenerateMacRequest;
import dev.kmslab.engine.model.GenerateMacResult;
import dev.kmslab.engine.model.GenerateRandomRequest;
import dev.kmslab.engine.model.GenerateRandomResult;
import dev.kmslab.engine.model.GetKeyPolicyRequest;
import dev.kmslab.engine.model.GetKeyPolicyResult;
import dev.kmslab.engine.model.GetKeyRotationStatusRequest;
import dev.kmslab.engine.model.GetKeyRotationStatusResult;
import dev.kmslab.engine.model.GetParametersForImportRequest;
import dev.kmslab.engine.model.GetParametersForImportResult;
import dev.kmslab.engine.model.GetPublicKeyRequest;
import dev.kmslab.engine.model.GetPublicKeyResult;
import dev.kmslab.engine.model.ImportKeyMaterialRequest;
import dev.kmslab.engine.model.ImportKeyMaterialResult;
import dev.kmslab.engine.model.ListAliasesRequest;
import dev.kmslab.engine.model.ListAliasesResult;
import dev.kmslab.engine.model.ListGrantsRequest;
import dev.kmslab.engine.model.ListGrantsResult;
import dev.kmslab.engine.model.ListKeyPoliciesRequest;
import dev.kmslab.engine.model.ListKeyPoliciesResult;
import dev.kmslab.engine.model.ListKeyRotationsRequest;
import dev.kmslab.engine.model.ListKeyRotationsResult;
import dev.kmslab.engine.model.ListKeysRequest;
import dev.kmslab.engine.model.ListKeysResult;
import dev.kmslab.engine.model.ListResourceTagsRequest;
import dev.kmslab.engine.model.ListResourceTagsResult;
import dev.kmslab.engine.model.ListRetirableGrantsRequest;
import dev.kmslab.engine.model.PutKeyPolicyRequest;
import dev.kmslab.engine.model.ReEncryptRequest;
import dev.kmslab.engine.model.ReEncryptResult;
import dev.kmslab.engine.model.ReplicateKeyRequest;
import dev.kmslab.engine.model.ReplicateKeyResult;
import dev.kmslab.engine.model.UpdatePrimaryRegionRequest;
import dev.kmslab.engine.model.RetireGrantRequest;
import dev.kmslab.engine.model.RevokeGrantRequest;
import dev.kmslab.engine.model.RotateKeyOnDemandRequest;
import dev.kmslab.engine.model.RotateKeyOnDemandResult;
import dev.kmslab.engine.model.ScheduleKeyDeletionRequest;
import dev.kmslab.engine.model.ScheduleKeyDeletionResult;
import dev.kmslab.engine.model.SimulationRequest;
import dev.kmslab.engine.model.SignRequest;
import dev.kmslab.engine.model.SignResult;
import dev.kmslab.engine.model.TagResourceRequest;
import dev.kmslab.engine.model.UntagResourceRequest;
import dev.kmslab.engine.model.UpdateAliasRequest;
import dev.kmslab.engine.model.UpdateKeyDescriptionRequest;
import dev.kmslab.engine.policy.Decision;
import dev.kmslab.engine.model.VerifyMacRequest;
import dev.kmslab.engine.model.VerifyMacResult;
import dev.kmslab.engine.model.VerifyRequest;
import dev.kmslab.engine.model.VerifyResult;
import dev.kmslab.engine.regions.MultiRegionOperations;
import dev.kmslab.engine.rotation.RotationOperations;
import dev.kmslab.engine.rotation.ScheduledWork;
import dev.kmslab.engine.state.EngineState;
import dev.kmslab.engine.store.KeystoreCorruptException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The in-process key service: one method per AWS KMS operation, taking the caller and a request record named after
 * the AWS operation. Every call is checked for due scheduled work, authorized once through the configured
 * {@link Authorizer} (by default the {@link PolicyAuthorizer}: key policies, IAM policies and grants, as AWS KMS
 * evaluates them), checked against the key-state table, and audited whether it succeeds or fails, with the
 * authorization decision's explanation. Errors are the
 * AWS exception types in {@code dev.kmslab.engine.error}. Operations for which AWS returns no data return void.
 * The lab's simulated IAM (accounts, users, roles, identity policies) is reached through {@link #principals()}, and
 * the policy simulator through {@link #simulate}.
 *
 * <p>Thread-safe. Cryptographic calls read an immutable snapshot without locking; mutations are serialised, persisted
 * to the {@link dev.kmslab.engine.store.KeystoreStorage} and rolled back if the save fails.
 */
public final class KmsEngine {

    private final EngineConfig config;
    private final EngineCore core;
    private final KeyOperations keys;
    private final AliasOperations aliases;
    private final TagOperations tags;
    private final CryptoOperations crypto;
    private final RotationOperations rotation;
    private final ScheduledWork work;
    private final KeyPolicyOperations policies;
    private final KeyGrantOperations grants;
    private final PolicySimulator simulator;
    private final LabPrincipals principals;
    private final AsymmetricOperations asymmetric;
    private final DataKeyPairOperations dataKeyPairs;
    private final ImportOperations imports;
    private final MultiRegionOperations multiRegion;
    private final CustomKeyStoreService customKeyStores;
    private volatile List<KmsEngine> linked = List.of(this);

    private KmsEngine(EngineConfig config, EngineState initial, TokenFactory tokens) {
        this.config = config;
        this.core = new EngineCore(config, new StateStore(config.storage(), initial), new CallGate(config),
                CryptoRandom.create(), new KeyStoreConnections(tokens));
        this.keys = new KeyOperations(core);
        this.aliases = new AliasOperations(core);
        this.tags = new TagOperations(core);
        this.crypto = new CryptoOperations(core);
        this.rotation = new RotationOperations(core);
        this.work = new ScheduledWork(core, rotation);
        this.policies = new KeyPolicyOperations(core);
        this.grants = new KeyGrantOperations(core);
        this.simulator = new PolicySimulator(core);
        this.principals = new LabPrincipals(core.store);
        this.asymmetric = new AsymmetricOperations(core);
        this.dataKeyPairs = new DataKeyPairOperations(core, crypto);
        this.imports = new ImportOperations(core);
        this.customKeyStores = new CustomKeyStoreService(core, new CustomKeyStoreOperations(core, tokens));
        this.multiRegion = new MultiRegionOperations(core);
        core.attachWork(work);
        RegionPeers<EngineCore> alone = new RegionPeers<>(EngineCore::region);
        alone.add(core);
        core.linkPeers(alone);
    }

    /** What the operation groups share; for {@link KmsRegions}, which links the cores of related Regions. */
    EngineCore core() {
        return core;
    }

    /** The engines of the Regions this one is linked with, the default first (just this one until linked). */
    List<KmsEngine> linked() {
        return linked;
    }

    void linkEngines(List<KmsEngine> engines) {
        this.linked = List.copyOf(engines);
    }

    /** Applies due work in every linked Region until none is left (see {@link RegionTime}). */
    List<ScheduledEvent> applyDueEverywhere(Instant upTo) {
        return core.applyDueEverywhere(upTo);
    }

    /**
     * Starts an engine, restoring the keystore its storage holds (or starting empty), then applies any scheduled work
     * that fell due while it was stopped.
     *
     * @throws KeystoreCorruptException if the stored keystore cannot be read or belongs to another account or Region
     */
    public static KmsEngine open(EngineConfig config) throws IOException, KeystoreCorruptException {
        return open(config, TokenFactory.pkcs11());
    }

    /**
     * As {@link #open(EngineConfig)}, with the tokens of custom key stores made by {@code tokens} (a
     * {@link dev.kmslab.engine.cks.FakeHsm} where no PKCS#11 token is available). Stores start DISCONNECTED.
     */
    public static KmsEngine open(EngineConfig config, TokenFactory tokens)
            throws IOException, KeystoreCorruptException {
        EngineState initial = StoredState.load(config);
        KmsEngine engine = new KmsEngine(config, initial, tokens);
        engine.applyDueEverywhere(config.clock().now());
        return engine;
    }

    /** A fresh in-memory engine with the defaults of {@link EngineConfig#defaults()}. */
    public static KmsEngine inMemory() {
        try {
            return open(EngineConfig.defaults());
        } catch (IOException | KeystoreCorruptException e) {
            throw new IllegalStateException("an empty in-memory keystore cannot fail to load", e);
        }
    }

    private <T> T run(KmsOperation op, CallerContext caller, Map<String, Object> params, Function<Call, T> body) {
        return core.run(op, caller, params, body);
    }

    private static Map<String, Object> keyParam(String keyId) {
        return AuditParams.of("keyId", keyId);
    }

    // ---- keys ----

    public CreateKeyResult createKey(CallerContext caller, CreateKeyRequest r) {
        return run(KmsOperation.CreateKey, caller, AuditParams.of("description", r.description(), "keyUsage",
                r.keyUsage(), "keySpec", r.keySpec(), "origin", r.origin(), "tags", r.tags(), "multiRegion",
                r.multiRegion(), "customKeyStoreId", r.customKeyStoreId()),
                call -> keys.createKey(call, r));
    }

    public DescribeKeyResult describeKey(CallerContext caller, DescribeKeyRequest r) {
        return run(KmsOperation.DescribeKey, caller, keyParam(r.keyId()), call -> keys.describeKey(call, r.keyId()));
    }

    public ListKeysResult listKeys(CallerContext caller, ListKeysRequest r) {
        return run(KmsOperation.ListKeys, caller, AuditParams.of("limit", r.limit(), "marker", r.marker()),
                call -> keys.listKeys(call, r));
    }

    public void updateKeyDescription(CallerContext caller, UpdateKeyDescriptionRequest r) {
        run(KmsOperation.UpdateKeyDescription, caller, AuditParams.of("keyId", r.keyId(), "description",
                r.description()), call -> {
                    keys.updateKeyDescription(call, r.keyId(), r.description());
                    return null;
                });
    }

    public void enableKey(CallerContext caller, EnableKeyRequest r) {
        run(KmsOperation.EnableKey, caller, keyParam(r.keyId()), call -> {
            keys.enableKey(call, r.keyId());
            return null;
        });
    }

    public void disableKey(CallerContext caller, DisableKeyRequest r) {
        run(KmsOperation.DisableKey, caller, keyParam(r.keyId()), call -> {
            keys.disableKey(call, r.keyId());
            return null;
        });
    }

    public ScheduleKeyDeletionResult scheduleKeyDeletion(CallerContext caller, ScheduleKeyDeletionRequest r) {
        return run(KmsOperation.ScheduleKeyDeletion, caller, AuditParams.of("keyId", r.keyId(),
                "pendingWindowInDays", r.pendingWindowInDays()),
                call -> keys.scheduleKeyDeletion(call, r.keyId(), r.pendingWindowInDays()));
    }

    public CancelKeyDeletionResult cancelKeyDeletion(CallerContext caller, CancelKeyDeletionRequest r) {
        return run(KmsOperation.CancelKeyDeletion, caller, keyParam(r.keyId()),
                call -> keys.cancelKeyDeletion(call, r.keyId()));
    }

    // ---- aliases ----

    public void createAlias(CallerContext caller, CreateAliasRequest r) {
        run(KmsOperation.CreateAlias, caller, AuditParams.of("aliasName", r.aliasName(), "targetKeyId",
                r.targetKeyId()), call -> {
                    aliases.createAlias(call, r.aliasName(), r.targetKeyId());
                    return null;
                });
    }

    public void updateAlias(CallerContext caller, UpdateAliasRequest r) {
        run(KmsOperation.UpdateAlias, caller, AuditParams.of("aliasName", r.aliasName(), "targetKeyId",
                r.targetKeyId()), call -> {
                    aliases.updateAlias(call, r.aliasName(), r.targetKeyId());
                    return null;
                });
    }

    public void deleteAlias(CallerContext caller, DeleteAliasRequest r) {
        run(KmsOperation.DeleteAlias, caller, AuditParams.of("aliasName", r.aliasName()), call -> {
            aliases.deleteAlias(call, r.aliasName());
            return null;
        });
    }

    public ListAliasesResult listAliases(CallerContext caller, ListAliasesRequest r) {
        return run(KmsOperation.ListAliases, caller, AuditParams.of("keyId", r.keyId(), "limit", r.limit(),
                "marker", r.marker()), call -> aliases.listAliases(call, r));
    }

    // ---- tags ----

    public void tagResource(CallerContext caller, TagResourceRequest r) {
        run(KmsOperation.TagResource, caller, AuditParams.of("keyId", r.keyId(), "tags", r.tags()), call -> {
            tags.tagResource(call, r.keyId(), r.tags());
            return null;
        });
    }

    public void untagResource(CallerContext caller, UntagResourceRequest r) {
        run(KmsOperation.UntagResource, caller, AuditParams.of("keyId", r.keyId(), "tagKeys", r.tagKeys()),
                call -> {
                    tags.untagResource(call, r.keyId(), r.tagKeys());
                    return null;
                });
    }

    public ListResourceTagsResult listResourceTags(CallerContext caller, ListResourceTagsRequest r) {
        return run(KmsOperation.ListResourceTags, caller, AuditParams.of("keyId", r.keyId(), "limit", r.limit(),
                "marker", r.marker()), call -> tags.listResourceTags(call, r));
    }

    // ---- cryptography ----

    public EncryptResult encrypt(CallerContext caller, EncryptRequest r) {
        return run(KmsOperation.Encrypt, caller, AuditParams.of("keyId", r.keyId(), "encryptionContext",
                r.encryptionContext(), "encryptionAlgorithm", r.encryptionAlgorithm()),
                call -> crypto.encrypt(call, r));
    }

    public DecryptResult decrypt(CallerContext caller, DecryptRequest r) {
        return run(KmsOperation.Decrypt, caller, AuditParams.of("keyId", r.keyId(), "encryptionContext",
                r.encryptionContext(), "encryptionAlgorithm", r.encryptionAlgorithm()),
                call -> crypto.decrypt(call, r));
    }

    public ReEncryptResult reEncrypt(CallerContext caller, ReEncryptRequest r) {
        return run(KmsOperation.ReEncrypt, caller, AuditParams.of("sourceKeyId", r.sourceKeyId(),
                "destinationKeyId", r.destinationKeyId(), "sourceEncryptionContext", r.sourceEncryptionContext(),
                "destinationEncryptionContext", r.destinationEncryptionContext()),
                call -> crypto.reEncrypt(call, r));
    }

    /** The result's plaintext data key is the only copy; wipe it with {@code destroyPlaintext()} after use. */
    public GenerateDataKeyResult generateDataKey(CallerContext caller, GenerateDataKeyRequest r) {
        return run(KmsOperation.GenerateDataKey, caller, dataKeyParams(r), call -> crypto.generateDataKey(call, r));
    }

    public GenerateDataKeyWithoutPlaintextResult generateDataKeyWithoutPlaintext(CallerContext caller,
                                                                                 GenerateDataKeyRequest r) {
        return run(KmsOperation.GenerateDataKeyWithoutPlaintext, caller, dataKeyParams(r), call -> {
            GenerateDataKeyResult full = crypto.generateDataKeyWithoutPlaintext(call, r);
            return new GenerateDataKeyWithoutPlaintextResult(full.ciphertextBlob(), full.keyId());
        });
    }

    public GenerateRandomResult generateRandom(CallerContext caller, GenerateRandomRequest r) {
        return run(KmsOperation.GenerateRandom, caller, AuditParams.of("numberOfBytes", r.numberOfBytes(),
                "customKeyStoreId", r.customKeyStoreId()),
                call -> crypto.generateRandom(call, r.numberOfBytes(), r.customKeyStoreId()));
    }

    private static Map<String, Object> dataKeyParams(GenerateDataKeyRequest r) {
        return AuditParams.of("keyId", r.keyId(), "encryptionContext", r.encryptionContext(), "numberOfBytes",
                r.numberOfBytes(), "keySpec", r.keySpec());
    }

    // ---- rotation ----

    public void enableKeyRotation(CallerContext caller, EnableKeyRotationRequest r) {
        run(KmsOperation.EnableKeyRotation, caller, AuditParams.of("keyId", r.keyId(), "rotationPeriodInDays",
                r.rotationPeriodInDays()), call -> {
                    rotation.enableKeyRotation(call, r.keyId(), r.rotationPeriodInDays());
                    return null;
                });
    }

    public void disableKeyRotation(CallerContext caller, DisableKeyRotationRequest r) {
        run(KmsOperation.DisableKeyRotation, caller, keyParam(r.keyId()), call -> {
            rotation.disableKeyRotation(call, r.keyId());
            return null;
        });
    }

    public GetKeyRotationStatusResult getKeyRotationStatus(CallerContext caller, GetKeyRotationStatusRequest r) {
        return run(KmsOperation.GetKeyRotationStatus, caller, keyParam(r.keyId()),
                call -> rotation.getKeyRotationStatus(call, r.keyId()));
    }

    public RotateKeyOnDemandResult rotateKeyOnDemand(CallerContext caller, RotateKeyOnDemandRequest r) {
        return run(KmsOperation.RotateKeyOnDemand, caller, keyParam(r.keyId()),
                call -> rotation.rotateKeyOnDemand(call, r.keyId()));
    }

    public ListKeyRotationsResult listKeyRotations(CallerContext caller, ListKeyRotationsRequest r) {
        return run(KmsOperation.ListKeyRotations, caller, AuditParams.of("keyId", r.keyId(), "limit", r.limit(),
                "marker", r.marker(), "includeKeyMaterial", r.includeKeyMaterial()),
                call -> rotation.listKeyRotations(call, r));
    }

    // ---- time ----

    /** The next automatic rotation or deletion in any linked Region (they share one clock), if any is scheduled. */
    public Optional<ScheduledEvent> nextEvent() {
        return RegionTime.nextEvent(core.dueWorkEverywhere());
    }

    /**
     * Moves the simulated clock forward, applying every rotation and deletion that falls due on the way in every
     * linked Region, each at its own instant and in order. Returns what was applied.
     *
     * @throws IllegalStateException if the engine does not run on a {@link SimulatedClock}
     */
    public List<ScheduledEvent> advanceClock(Duration amount) {
        return RegionTime.advance(core.dueWorkEverywhere(), simulatedClock(), amount);
    }

    /** Jumps the simulated clock to the next scheduled event and applies it (and anything due at the same instant). */
    public List<ScheduledEvent> advanceToNextEvent() {
        return RegionTime.advanceToNextEvent(core.dueWorkEverywhere(), simulatedClock());
    }

    private SimulatedClock simulatedClock() {
        if (!(config.clock() instanceof SimulatedClock)) {
            throw new IllegalStateException("time travel needs an engine built with a SimulatedClock");
        }
        return (SimulatedClock) config.clock();
    }

    // ---- key policies ----

    public void putKeyPolicy(CallerContext caller, PutKeyPolicyRequest r) {
        run(KmsOperation.PutKeyPolicy, caller, AuditParams.of("keyId", r.keyId(), "policyName", r.policyName(),
                "policy", r.policy(), "bypassPolicyLockoutSafetyCheck", r.bypassPolicyLockoutSafetyCheck()),
                call -> {
                    policies.putKeyPolicy(call, r);
                    return null;
                });
    }

    public GetKeyPolicyResult getKeyPolicy(CallerContext caller, GetKeyPolicyRequest r) {
        return run(KmsOperation.GetKeyPolicy, caller, AuditParams.of("keyId", r.keyId(), "policyName",
                r.policyName()), call -> policies.getKeyPolicy(call, r));
    }

    public ListKeyPoliciesResult listKeyPolicies(CallerContext caller, ListKeyPoliciesRequest r) {
        return run(KmsOperation.ListKeyPolicies, caller, AuditParams.of("keyId", r.keyId(), "limit", r.limit(),
                "marker", r.marker()), call -> policies.listKeyPolicies(call, r));
    }

    // ---- grants ----

    /** The request's grant tokens count together with the caller's own (at most 10 in all). */
    public CreateGrantResult createGrant(CallerContext caller, CreateGrantRequest r) {
        CallerContext withTokens = caller == null ? null : caller.withMoreGrantTokens(r.grantTokens());
        return run(KmsOperation.CreateGrant, withTokens, AuditParams.of("keyId", r.keyId(), "granteePrincipal",
                r.granteePrincipal(), "retiringPrincipal", r.retiringPrincipal(), "operations", r.operations(),
                "constraints", constraintsParam(r), "name", r.name()), call -> grants.createGrant(call, r));
    }

    /** Constraints as plain maps for the audit record, the shape CloudTrail gives them. */
    private static Map<String, Object> constraintsParam(CreateGrantRequest r) {
        return r.constraints() == null ? null : AuditParams.of("encryptionContextSubset",
                r.constraints().encryptionContextSubset(), "encryptionContextEquals",
                r.constraints().encryptionContextEquals());
    }

    public ListGrantsResult listGrants(CallerContext caller, ListGrantsRequest r) {
        return run(KmsOperation.ListGrants, caller, AuditParams.of("keyId", r.keyId(), "limit", r.limit(),
                "marker", r.marker(), "grantId", r.grantId(), "granteePrincipal", r.granteePrincipal()),
                call -> grants.listGrants(call, r));
    }

    public ListGrantsResult listRetirableGrants(CallerContext caller, ListRetirableGrantsRequest r) {
        return run(KmsOperation.ListRetirableGrants, caller, AuditParams.of("retiringPrincipal",
                r.retiringPrincipal(), "limit", r.limit(), "marker", r.marker()),
                call -> grants.listRetirableGrants(call, r));
    }

    public void retireGrant(CallerContext caller, RetireGrantRequest r) {
        run(KmsOperation.RetireGrant, caller, AuditParams.of("keyId", r.keyId(), "grantId", r.grantId()), call -> {
            grants.retireGrant(call, r);
            return null;
        });
    }

    public void revokeGrant(CallerContext caller, RevokeGrantRequest r) {
        run(KmsOperation.RevokeGrant, caller, AuditParams.of("keyId", r.keyId(), "grantId", r.grantId()), call -> {
            grants.revokeGrant(call, r);
            return null;
        });
    }

    // ---- policy simulator and lab IAM ----

    /**
     * Evaluates a would-be request against the key policy, IAM policies and grants, as the {@link PolicyAuthorizer}
     * would at the current engine time, without performing it and without recording an audit event. The
     * {@link Decision} gives allowed(), reason(), decidingStatement() (with its line), summary() and explain().
     *
     * @throws dev.kmslab.engine.error.AccessDeniedException when the principal is not in the lab's directory
     * @throws dev.kmslab.engine.error.NotFoundException      when the key does not exist
     * @throws dev.kmslab.engine.error.ValidationException    for an unknown action, or a key action without a key
     */
    public Decision simulate(SimulationRequest request) {
        applyDueEverywhere(config.clock().now());
        return simulator.simulate(request);
    }

    /** CreateCustomKeyStore, DescribeCustomKeyStores, Connect/Disconnect, Update and DeleteCustomKeyStore. */
    public CustomKeyStoreService customKeyStores() {
        return customKeyStores;
    }

    /** The lab's simulated IAM: accounts, users, roles and their identity policies (persisted with the keystore). */
    public LabPrincipals principals() {
        return principals;
    }

    // ---- information ----

    public EngineConfig config() {
        return config;
    }

    public AuditLog auditLog() {
        return config.auditLog();
    }

    public String account() {
        return config.account();
    }

    public String region() {
        return config.region();
    }

    public Instant now() {
        return config.clock().now();
    }
    // ---- asymmetric and HMAC keys ----

    /** Sign with a SIGN_VERIFY key; the message never reaches the audit log. */
    public SignResult sign(CallerContext caller, SignRequest r) {
        return run(KmsOperation.Sign, caller, AuditParams.of("keyId", r.keyId(), "messageType", r.messageType(),
                "signingAlgorithm", r.signingAlgorithm()), call -> asymmetric.sign(call, r));
    }

    /** @throws dev.kmslab.engine.error.KMSInvalidSignatureException when the signature does not verify */
    public VerifyResult verify(CallerContext caller, VerifyRequest r) {
        return run(KmsOperation.Verify, caller, AuditParams.of("keyId", r.keyId(), "messageType", r.messageType(),
                "signingAlgorithm", r.signingAlgorithm()), call -> asymmetric.verify(call, r));
    }

    public GetPublicKeyResult getPublicKey(CallerContext caller, GetPublicKeyRequest r) {
        return run(KmsOperation.GetPublicKey, caller, keyParam(r.keyId()),
                call -> asymmetric.getPublicKey(call, r.keyId()));
    }

    public GenerateMacResult generateMac(CallerContext caller, GenerateMacRequest r) {
        return run(KmsOperation.GenerateMac, caller, AuditParams.of("keyId", r.keyId(), "macAlgorithm",
                r.macAlgorithm()), call -> asymmetric.generateMac(call, r));
    }

    /** @throws dev.kmslab.engine.error.KMSInvalidMacException when the MAC does not verify */
    public VerifyMacResult verifyMac(CallerContext caller, VerifyMacRequest r) {
        return run(KmsOperation.VerifyMac, caller, AuditParams.of("keyId", r.keyId(), "macAlgorithm",
                r.macAlgorithm()), call -> asymmetric.verifyMac(call, r));
    }

    /** The result holds the raw shared secret: wipe it with {@code destroySharedSecret()} after use. */
    public DeriveSharedSecretResult deriveSharedSecret(CallerContext caller, DeriveSharedSecretRequest r) {
        return run(KmsOperation.DeriveSharedSecret, caller, AuditParams.of("keyId", r.keyId(),
                "keyAgreementAlgorithm", r.keyAgreementAlgorithm()), call -> asymmetric.deriveSharedSecret(call, r));
    }

    /** The result's plaintext private key is the only copy; wipe it with {@code destroyPlaintext()} after use. */
    public GenerateDataKeyPairResult generateDataKeyPair(CallerContext caller, GenerateDataKeyPairRequest r) {
        return run(KmsOperation.GenerateDataKeyPair, caller, dataKeyPairParams(r),
                call -> dataKeyPairs.generate(call, r));
    }

    public GenerateDataKeyPairWithoutPlaintextResult generateDataKeyPairWithoutPlaintext(CallerContext caller,
            GenerateDataKeyPairRequest r) {
        return run(KmsOperation.GenerateDataKeyPairWithoutPlaintext, caller, dataKeyPairParams(r),
                call -> dataKeyPairs.generateWithoutPlaintext(call, r));
    }

    private static Map<String, Object> dataKeyPairParams(GenerateDataKeyPairRequest r) {
        return AuditParams.of("keyId", r.keyId(), "encryptionContext", r.encryptionContext(), "keyPairSpec",
                r.keyPairSpec());
    }
    // ---- imported key material ----

    /**
     * A fresh RSA wrapping public key and import token for an EXTERNAL key, valid for 24 hours of engine time. Wrap
     * the material with {@link ImportWrapper#wrap} (or OpenSSL) before ImportKeyMaterial.
     */
    public GetParametersForImportResult getParametersForImport(CallerContext caller,
            GetParametersForImportRequest r) {
        return run(KmsOperation.GetParametersForImport, caller, AuditParams.of("keyId", r.keyId(),
                "wrappingAlgorithm", r.wrappingAlgorithm(), "wrappingKeySpec", r.wrappingKeySpec()),
                call -> imports.getParametersForImport(call, r));
    }

    /**
     * Imports key material: a new key's first material, material the key already holds again (ImportType
     * EXISTING_KEY_MATERIAL, the default), or, for a symmetric key, new material that waits for RotateKeyOnDemand
     * (NEW_KEY_MATERIAL). A PendingImport key with all its materials back becomes Enabled.
     */
    public ImportKeyMaterialResult importKeyMaterial(CallerContext caller, ImportKeyMaterialRequest r) {
        return run(KmsOperation.ImportKeyMaterial, caller, AuditParams.of("keyId", r.keyId(), "expirationModel",
                r.expirationModel(), "validTo", r.validTo(), "importType", r.importType(), "keyMaterialId",
                r.keyMaterialId()), call -> imports.importKeyMaterial(call, r));
    }

    /**
     * Deletes imported material at once (the one named by KeyMaterialId, else the current one); the key becomes
     * PendingImport until the same material is imported, unless the material was only pending rotation or the key is
     * pending deletion.
     */
    public DeleteImportedKeyMaterialResult deleteImportedKeyMaterial(CallerContext caller,
            DeleteImportedKeyMaterialRequest r) {
        return run(KmsOperation.DeleteImportedKeyMaterial, caller, AuditParams.of("keyId", r.keyId(),
                "keyMaterialId", r.keyMaterialId()), call -> imports.deleteImportedKeyMaterial(call, r));
    }

    // ---- multi-Region keys ----

    /**
     * Copies this Region's multi-Region primary key into another linked Region (see {@link KmsRegions}): same key
     * id and material, its own policy, description, tags and state.
     */
    public ReplicateKeyResult replicateKey(CallerContext caller, ReplicateKeyRequest r) {
        return run(KmsOperation.ReplicateKey, caller, AuditParams.of("keyId", r.keyId(), "replicaRegion",
                r.replicaRegion(), "description", r.description(), "tags", r.tags(),
                "bypassPolicyLockoutSafetyCheck", r.bypassPolicyLockoutSafetyCheck()),
                call -> multiRegion.replicateKey(call, r));
    }

    /** Makes the replica in {@code primaryRegion} the primary key and this Region's primary a replica. */
    public void updatePrimaryRegion(CallerContext caller, UpdatePrimaryRegionRequest r) {
        run(KmsOperation.UpdatePrimaryRegion, caller, AuditParams.of("keyId", r.keyId(), "primaryRegion",
                r.primaryRegion()), call -> {
                    multiRegion.updatePrimaryRegion(call, r);
                    return null;
                });
    }
}
