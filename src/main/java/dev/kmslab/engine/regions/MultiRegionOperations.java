package dev.kmslab.engine.regions;

import dev.kmslab.engine.KmsOperation;
import dev.kmslab.engine.core.Arns;
import dev.kmslab.engine.core.Call;
import dev.kmslab.engine.core.EngineCore;
import dev.kmslab.engine.core.KeyDescriber;
import dev.kmslab.engine.core.KeyIdForms;
import dev.kmslab.engine.core.KeyResolver;
import dev.kmslab.engine.core.KeyStateTable;
import dev.kmslab.engine.core.MultiRegionKeyIds;
import dev.kmslab.engine.core.MultiRegionKeys;
import dev.kmslab.engine.core.NewKeyRules;
import dev.kmslab.engine.core.StateStore;
import dev.kmslab.engine.Validation;
import dev.kmslab.engine.error.AlreadyExistsException;
import dev.kmslab.engine.error.KMSInternalException;
import dev.kmslab.engine.error.UnsupportedOperationException;
import dev.kmslab.engine.error.ValidationException;
import dev.kmslab.engine.model.KeyState;
import dev.kmslab.engine.model.OriginType;
import dev.kmslab.engine.model.ReplicateKeyRequest;
import dev.kmslab.engine.model.ReplicateKeyResult;
import dev.kmslab.engine.model.Tag;
import dev.kmslab.engine.model.UpdatePrimaryRegionRequest;
import dev.kmslab.engine.policy.ConditionKeys;
import dev.kmslab.engine.policy.DefaultKeyPolicy;
import dev.kmslab.engine.policy.PolicyDocument;
import dev.kmslab.engine.policy.PolicyParser;
import dev.kmslab.engine.state.EngineState;
import dev.kmslab.engine.state.KeyRecord;
import dev.kmslab.engine.state.KeyVersion;
import dev.kmslab.engine.state.RotationSchedule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ReplicateKey and UpdatePrimaryRegion, both sent to the primary key's Region. Each changes at most one Region at a
 * time, so no two Regions' locks are held together; UpdatePrimaryRegion undoes its first change if the second cannot
 * be saved.
 *
 * <p>Checked against the AWS API reference (ReplicateKey, UpdatePrimaryRegion) and developer guide
 * (multi-region-update): a replica has the primary's key id, key material, spec, usage and origin, and its own
 * policy (the default one unless given), description, tags, aliases, grants and key state; a replica of a key with
 * imported material starts without material (PendingImport) and needs the same material imported. Replicating needs
 * kms:ReplicateKey on the primary and kms:CreateKey in the replica Region.
 */
public final class MultiRegionOperations {

    public static final String REPLICA_REGION = "kms:ReplicaRegion";
    public static final String PRIMARY_REGION = "kms:PrimaryRegion";

    private final EngineCore core;

    public MultiRegionOperations(EngineCore core) {
        this.core = core;
    }

    public ReplicateKeyResult replicateKey(Call call, ReplicateKeyRequest request) {
        Validation.required("replicaRegion", request.replicaRegion());
        if (request.description() != null) {
            Validation.length("description", request.description().length(), 0, NewKeyRules.MAX_DESCRIPTION);
        }
        Map<String, String> tags = NewKeyRules.validatedTags(request.tags(), Map.of());
        PolicyDocument policy = request.policy() == null ? null : PolicyParser.parse(request.policy());
        EngineState state = core.store.current();
        KeyRecord primary = core.keyFor(call, state, "keyId", request.keyId(), KeyIdForms.KEY_ONLY, null,
                Map.of(REPLICA_REGION, request.replicaRegion()));
        requirePrimary(state, primary, "ReplicateKey");
        EngineCore target = otherRegion(state, request.replicaRegion(), "replicaRegion");
        String keyId = primary.keyId();
        target.store.mutate(targetState -> {
            core.gate.authorize(call, KmsOperation.CreateKey.action(), targetState, null, null,
                    Map.of(ConditionKeys.MULTI_REGION, "true", ConditionKeys.KEY_SPEC, primary.keySpec().name(),
                            ConditionKeys.KEY_USAGE, primary.keyUsage().name(), ConditionKeys.KEY_ORIGIN,
                            primary.origin().name()));
            String arn = Arns.keyArn(targetState.account(), targetState.region(), keyId);
            if (targetState.keys().containsKey(keyId)) {
                throw new AlreadyExistsException("The request was rejected because " + arn + " already exists: "
                        + request.replicaRegion() + " already holds a replica of this multi-Region key.");
            }
            if (policy != null) {
                NewKeyRules.checkLockout(targetState, call.caller, policy, arn, targetState.account(),
                        call.now, request.bypassLockoutCheck());
            }
            EngineState next = targetState.withKey(replicaOf(primary, arn, request, tags, call))
                    .withReplicaRole(keyId, true);
            if (policy != null) {
                next = next.withAccess(next.access().withKeyPolicy(keyId, policy));
            }
            return new StateStore.Change<>(next, null);
        });
        // A rotation of the primary between reading it and saving the replica is copied now.
        MultiRegionKeys.syncReplicas(core, keyId);
        EngineState targetState = target.store.current();
        KeyRecord replica = targetState.keys().get(keyId);
        List<Tag> replicaTags = new ArrayList<>();
        replica.tags().forEach((k, v) -> replicaTags.add(new Tag(k, v)));
        return new ReplicateKeyResult(KeyDescriber.describe(target, targetState, replica),
                request.policy() != null ? request.policy() : DefaultKeyPolicy.forAccount(targetState.account()),
                replicaTags);
    }

    /** The replica's record: shared properties from the primary, everything else its own. */
    private static KeyRecord replicaOf(KeyRecord primary, String arn, ReplicateKeyRequest request,
                                       Map<String, String> tags, Call call) {
        boolean imported = primary.origin() == OriginType.EXTERNAL;
        List<KeyVersion> versions = new ArrayList<>();
        for (KeyVersion version : primary.versions()) {
            // Imported material never leaves the Region it was imported into: each replica imports its own copy.
            versions.add(imported ? version.withoutMaterial() : version);
        }
        return new KeyRecord(primary.keyId(), arn, primary.account(), call.now, request.description(),
                primary.keyUsage(), primary.keySpec(), primary.origin(),
                imported ? KeyState.PendingImport : KeyState.Enabled, null, null, RotationSchedule.off(), versions,
                0, tags);
    }

    public void updatePrimaryRegion(Call call, UpdatePrimaryRegionRequest request) {
        Validation.required("primaryRegion", request.primaryRegion());
        EngineState state = core.store.current();
        KeyRecord primary = core.keyFor(call, state, "keyId", request.keyId(), KeyIdForms.KEY_ONLY, null,
                Map.of(PRIMARY_REGION, request.primaryRegion()));
        requirePrimary(state, primary, "UpdatePrimaryRegion");
        EngineCore target = otherRegion(state, request.primaryRegion(), "primaryRegion");
        EngineState targetState = target.store.current();
        KeyRecord replica = targetState.keys().get(primary.keyId());
        if (replica == null) {
            throw KeyResolver.notExist(Arns.keyArn(targetState.account(), targetState.region(), primary.keyId()));
        }
        // AWS authorizes kms:UpdatePrimaryRegion on both keys, each under its own key policy.
        core.gate.authorize(call, call.operation.action(), targetState, replica, null,
                Map.of(PRIMARY_REGION, request.primaryRegion()));
        KeyStateTable.check(KmsOperation.UpdatePrimaryRegion, replica.keyState(), replica.arn());
        String keyId = primary.keyId();
        RotationSchedule shared = primary.rotation();
        target.store.mutate(s -> new StateStore.Change<>(s.withReplicaRole(keyId, false)
                .withKey(s.keys().get(keyId).withRotation(shared)), null));
        try {
            core.store.mutate(s -> new StateStore.Change<>(s.withReplicaRole(keyId, true)
                    .withKey(s.keys().get(keyId).withRotation(RotationSchedule.off())), null));
        } catch (KMSInternalException e) {
            target.store.mutate(s -> new StateStore.Change<>(s.withReplicaRole(keyId, true)
                    .withKey(s.keys().get(keyId).withRotation(RotationSchedule.off())), null));
            throw e;
        }
    }

    private static void requirePrimary(EngineState state, KeyRecord key, String operation) {
        if (!MultiRegionKeyIds.isMultiRegion(key.keyId())) {
            throw new UnsupportedOperationException(key.arn() + " is not a multi-Region key. " + operation
                    + " works only on multi-Region keys (created with MultiRegion true).");
        }
        if (state.isReplica(key.keyId())) {
            throw new UnsupportedOperationException(key.arn() + " is a multi-Region replica key. " + operation
                    + " must be called on the primary key, in its Region.");
        }
    }

    /** The engine of another simulated Region, with the errors for this Region and for Regions KMS Lab lacks. */
    private EngineCore otherRegion(EngineState state, String region, String member) {
        if (region.equals(state.region())) {
            throw new ValidationException("1 validation error detected: Value '" + region + "' at '" + member
                    + "' failed to satisfy constraint: it must be a different Region than the primary key's ("
                    + state.region() + ").");
        }
        EngineCore engine = core.peers().engine(region);
        if (engine == null) {
            throw new UnsupportedOperationException("KMS Lab does not simulate the Region " + region
                    + ". Simulated Regions: " + String.join(", ", core.peers().regions()) + ".");
        }
        return engine;
    }
}
