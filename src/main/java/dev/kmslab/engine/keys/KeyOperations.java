package dev.kmslab.engine.keys;

import dev.kmslab.engine.Validation;
import dev.kmslab.engine.core.Arns;
import dev.kmslab.engine.core.Call;
import dev.kmslab.engine.core.EngineCore;
import dev.kmslab.engine.core.HsmKeys;
import dev.kmslab.engine.core.ImportedMaterials;
import dev.kmslab.engine.core.KeyDescriber;
import dev.kmslab.engine.core.KeyIdForms;
import dev.kmslab.engine.core.MultiRegionKeyIds;
import dev.kmslab.engine.core.MultiRegionKeys;
import dev.kmslab.engine.core.NewKeyRules;
import dev.kmslab.engine.core.Pages;
import dev.kmslab.engine.core.StateStore;
import dev.kmslab.engine.Validation;
import dev.kmslab.engine.crypto.AesKeyMaterial;
import dev.kmslab.engine.crypto.KeyMaterial;
import dev.kmslab.engine.crypto.asymmetric.KeyMaterials;
import dev.kmslab.engine.crypto.asymmetric.spec.KeySpecRules;
import dev.kmslab.engine.error.LimitExceededException;
import dev.kmslab.engine.error.UnsupportedOperationException;
import dev.kmslab.engine.error.ValidationException;
import dev.kmslab.engine.model.CancelKeyDeletionResult;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.CreateKeyResult;
import dev.kmslab.engine.model.DescribeKeyResult;
import dev.kmslab.engine.model.KeyListEntry;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyState;
import dev.kmslab.engine.model.KeyUsage;
import dev.kmslab.engine.model.ListKeysRequest;
import dev.kmslab.engine.model.ListKeysResult;
import dev.kmslab.engine.model.OriginType;
import dev.kmslab.engine.model.ScheduleKeyDeletionResult;
import dev.kmslab.engine.policy.ConditionKeys;
import dev.kmslab.engine.policy.PolicyDocument;
import dev.kmslab.engine.policy.PolicyParser;
import dev.kmslab.engine.state.EngineState;
import dev.kmslab.engine.state.KeyRecord;
import dev.kmslab.engine.state.KeyVersion;
import dev.kmslab.engine.state.RotationSchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** CreateKey, DescribeKey, ListKeys, UpdateKeyDescription, EnableKey, DisableKey and deletion scheduling. */
public final class KeyOperations {

    public static final int MAX_KEYS = 100_000;

    private final EngineCore core;

    public KeyOperations(EngineCore core) {
        this.core = core;
    }

    public CreateKeyResult createKey(Call call, CreateKeyRequest request) {
        KeyUsage usage = request.keyUsage() == null ? KeyUsage.ENCRYPT_DECRYPT : request.keyUsage();
        KeySpec spec = request.keySpec() == null ? KeySpec.SYMMETRIC_DEFAULT : request.keySpec();
        OriginType origin = request.origin() == null ? OriginType.AWS_KMS : request.origin();
        if (request.description() != null) {
            Validation.length("description", request.description().length(), 0, NewKeyRules.MAX_DESCRIPTION);
        }
        Map<String, String> tags = NewKeyRules.validatedTags(request.tags(), Map.of());
        KeySpecSupport.check(spec, usage, origin);
        HsmKeys.checkRequest(request.customKeyStoreId(), origin, spec, usage, request.multiRegion());
        PolicyDocument policy = request.policy() == null ? null : PolicyParser.parse(request.policy());
        boolean bypass = request.bypassLockoutCheck();
        Map<String, String> conditions = Map.of(ConditionKeys.KEY_SPEC, spec.name(), ConditionKeys.KEY_USAGE,
                usage.name(), ConditionKeys.KEY_ORIGIN, origin.name(), ConditionKeys.MULTI_REGION,
                Boolean.toString(Boolean.TRUE.equals(request.multiRegion())),
                ConditionKeys.BYPASS_LOCKOUT_CHECK, Boolean.toString(bypass));
        // Key pairs (RSA-4096 especially) take a while to generate: do it before taking the mutation lock.
        KeyVersion first = origin == OriginType.AWS_CLOUDHSM ? null : firstVersion(spec, origin, call);
        HsmKeys.Created inToken = new HsmKeys.Created();
        // A key made in the token is removed again if the call fails after it (the keystore never recorded it).
        return inToken.undoOnFailure(() -> core.store.mutate(state -> {
            core.gate.authorize(call, call.operation.action(), state, null, null, conditions);
            if (state.keys().size() >= MAX_KEYS) {
                throw new LimitExceededException("The request was rejected because a "
                        + "quota was exceeded: at most " + MAX_KEYS + " KMS keys per account and Region.");
            }
            String keyId = Boolean.TRUE.equals(request.multiRegion()) ? MultiRegionKeyIds.newKeyId(core.random)
                    : UUID.randomUUID().toString();
            String arn = Arns.keyArn(state.account(), state.region(), keyId);
            if (policy != null) {
                // AWS applies the lockout check only to a policy the caller supplies, not to the default policy.
                NewKeyRules.checkLockout(state, call.caller, policy, arn, state.account(), call.now, bypass);
            }
            KeyVersion version = first;
            EngineState next = state;
            if (origin == OriginType.AWS_CLOUDHSM) {
                version = new KeyVersion(1, core.newKeyMaterialId(), null, call.now, null);
                next = HsmKeys.generate(core, state, request.customKeyStoreId(), keyId, inToken);
            }
            KeyState initial = origin == OriginType.EXTERNAL ? KeyState.PendingImport : KeyState.Enabled;
            KeyRecord key = new KeyRecord(keyId, arn, state.account(), call.now, request.description(), usage, spec,
                    origin, initial, null, null, RotationSchedule.off(), List.of(version), 0, tags);
            call.keyArn = arn;
            next = next.withKey(key);
            if (policy != null) {
                next = next.withAccess(next.access().withKeyPolicy(keyId, policy));
            }
            return new StateStore.Change<>(next, new CreateKeyResult(core.metadata(next, key)));
        }));
    }

    /**
     * The first backing key: AES material for symmetric keys, a key pair or HMAC key for the other specs, and no
     * material at all for EXTERNAL keys, which wait for ImportKeyMaterial.
     */
    private KeyVersion firstVersion(KeySpec spec, OriginType origin, Call call) {
        if (origin == OriginType.EXTERNAL) {
            return new KeyVersion(1, null, null, call.now, null);
        }
        if (spec == KeySpec.SYMMETRIC_DEFAULT) {
            return new KeyVersion(1, core.newKeyMaterialId(), AesKeyMaterial.generate(core.random), call.now, null);
        }
        return new KeyVersion(1, core.newKeyMaterialId(), KeyMaterials.generate(spec), call.now,
                null);
    }

    public DescribeKeyResult describeKey(Call call, String keyId) {
        EngineState state = core.store.current();
        KeyRecord key = core.keyFor(call, state, "keyId", keyId, KeyIdForms.KEY_OR_ALIAS, null, null);
        return new DescribeKeyResult(KeyDescriber.describe(core, state, key));
    }

    public ListKeysResult listKeys(Call call, ListKeysRequest request) {
        EngineState state = core.store.current();
        core.gate.authorize(call, call.operation.action(), state, null, null, null);
        List<KeyListEntry> all = new ArrayList<>();
        for (KeyRecord key : state.keys().values()) {
            all.add(new KeyListEntry(key.keyId(), key.arn()));
        }
        Pages.Page<KeyListEntry> page = Pages.slice("keys", all, request.limit(), 100, 1000, request.marker());
        return new ListKeysResult(page.items(), page.nextMarker(), page.truncated());
    }

    public void updateKeyDescription(Call call, String keyId, String description) {
        Validation.required("description", description);
        Validation.length("description", description.length(), 0, NewKeyRules.MAX_DESCRIPTION);
        core.store.mutate(state -> {
            KeyRecord key = core.keyFor(call, state, "keyId", keyId, KeyIdForms.KEY_ONLY, null, null);
            return new StateStore.Change<>(state.withKey(key.withDescription(description)), null);
        });
    }

    public void enableKey(Call call, String keyId) {
        core.store.mutate(state -> {
            KeyRecord key = core.keyFor(call, state, "keyId", keyId, KeyIdForms.KEY_ONLY, null, null);
            RotationSchedule rotation = key.rotation();
            if (rotation.enabled() && rotation.nextRotationDate() != null
                    && rotation.nextRotationDate().isBefore(call.now)) {
                // Rotation was skipped while disabled; AWS rotates as soon as the key is enabled again.
                rotation = new RotationSchedule(true, rotation.periodInDays(), call.now);
            }
            KeyRecord next = key.withState(KeyState.Enabled, null, null).withRotation(rotation);
            return new StateStore.Change<>(state.withKey(next), null);
        });
    }

    public void disableKey(Call call, String keyId) {
        core.store.mutate(state -> {
            KeyRecord key = core.keyFor(call, state, "keyId", keyId, KeyIdForms.KEY_ONLY, null, null);
            return new StateStore.Change<>(state.withKey(key.withState(KeyState.Disabled, null, null)), null);
        });
    }

    public ScheduleKeyDeletionResult scheduleKeyDeletion(Call call, String keyId, Integer pendingWindowInDays) {
        int days = pendingWindowInDays == null ? 30 : pendingWindowInDays;
        Validation.range("pendingWindowInDays", days, 7, 30);
        return core.store.mutate(state -> {
            KeyRecord key = core.keyFor(call, state, "keyId", keyId, KeyIdForms.KEY_ONLY, null,
                    Map.of("kms:ScheduleKeyDeletionPendingWindowInDays", Integer.toString(days)));
            if (MultiRegionKeyIds.isMultiRegion(key.keyId()) && !state.isReplica(key.keyId())
                    && !MultiRegionKeys.replicaEngines(core, key.keyId()).isEmpty()) {
                // A primary outlives its replicas: its waiting period starts when the last replica is deleted.
                KeyRecord waiting = key.withState(KeyState.PendingReplicaDeletion, null, days);
                return new StateStore.Change<>(state.withKey(waiting),
                        new ScheduleKeyDeletionResult(key.arn(), null, KeyState.PendingReplicaDeletion, days));
            }
            Instant deletionDate = call.now.plus(Duration.ofDays(days));
            KeyRecord next = key.withState(KeyState.PendingDeletion, deletionDate, days);
            return new StateStore.Change<>(state.withKey(next),
                    new ScheduleKeyDeletionResult(key.arn(), deletionDate, KeyState.PendingDeletion, days));
        });
    }

    public CancelKeyDeletionResult cancelKeyDeletion(Call call, String keyId) {
        return core.store.mutate(state -> {
            KeyRecord key = core.keyFor(call, state, "keyId", keyId, KeyIdForms.KEY_ONLY, null, null);
            // Imported material may have been deleted or expired while the deletion was pending: then the key can
            // only come back as PendingImport, or EnableKey would enable a key with nothing to encrypt with.
            KeyState back = ImportedMaterials.missingMaterial(key) ? KeyState.PendingImport : KeyState.Disabled;
            KeyRecord next = key.withState(back, null, null);
            return new StateStore.Change<>(state.withKey(next), new CancelKeyDeletionResult(key.arn()));
        });
    }

    /** Which key specs, usages and origins the engine implements, and AWS's compatibility rules for the rest. */
    public static final class KeySpecSupport {

        private KeySpecSupport() {
        }

        public static void check(KeySpec spec, KeyUsage usage, OriginType origin) {
            if (!KeySpecRules.usages(spec).contains(usage)) {
                throw new ValidationException("KeyUsage " + usage + " is not compatible with KeySpec " + spec + ".");
            }
            KeySpecRules.requireCreatable(spec, usage);
            if (origin == OriginType.EXTERNAL_KEY_STORE) {
                throw new UnsupportedOperationException("Origin EXTERNAL_KEY_STORE is a valid AWS KMS origin, but "
                        + "KMS Lab has no external key stores: it supports AWS_KMS, EXTERNAL and AWS_CLOUDHSM keys.");
            }
        }
    }
}
