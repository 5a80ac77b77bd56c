package dev.kmslab.engine.rotation;

import dev.kmslab.engine.core.Call;
import dev.kmslab.engine.core.EngineCore;
import dev.kmslab.engine.core.ImportedMaterials;
import dev.kmslab.engine.core.KeyIdForms;
import dev.kmslab.engine.core.MultiRegionKeys;
import dev.kmslab.engine.core.Pages;
import dev.kmslab.engine.core.StateStore;
import dev.kmslab.engine.Validation;
import dev.kmslab.engine.crypto.AesKeyMaterial;
import dev.kmslab.engine.error.KMSInvalidStateException;
import dev.kmslab.engine.error.LimitExceededException;
import dev.kmslab.engine.error.UnsupportedOperationException;
import dev.kmslab.engine.model.GetKeyRotationStatusResult;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyState;
import dev.kmslab.engine.model.ListKeyRotationsRequest;
import dev.kmslab.engine.model.ListKeyRotationsResult;
import dev.kmslab.engine.model.OriginType;
import dev.kmslab.engine.model.RotateKeyOnDemandResult;
import dev.kmslab.engine.model.RotationType;
import dev.kmslab.engine.model.RotationsListEntry;
import dev.kmslab.engine.state.EngineState;
import dev.kmslab.engine.state.KeyRecord;
import dev.kmslab.engine.state.KeyVersion;
import dev.kmslab.engine.state.RotationSchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Automatic rotation settings, on-demand rotation and the rotation history. A rotation appends a backing key with
 * fresh random material; the key id, ARN and aliases stay the same, and every older version stays for Decrypt.
 * On-demand rotation does not move the automatic schedule. A symmetric key with imported material rotates only on
 * demand, to material imported beforehand as NEW_KEY_MATERIAL; automatic rotation stays AWS_KMS-only.
 */
public final class RotationOperations {

    public static final int MIN_PERIOD = 90;
    public static final int MAX_PERIOD = 2560;
    public static final int MAX_ON_DEMAND = 25;

    private final EngineCore core;

    public RotationOperations(EngineCore core) {
        this.core = core;
    }

    public void enableKeyRotation(Call call, String keyId, Integer rotationPeriodInDays) {
        int period = rotationPeriodInDays == null ? RotationSchedule.DEFAULT_PERIOD_DAYS : rotationPeriodInDays;
        Validation.range("rotationPeriodInDays", period, MIN_PERIOD, MAX_PERIOD);
        core.store.mutate(state -> {
            KeyRecord key = core.keyFor(call, state, "keyId", keyId, KeyIdForms.KEY_ONLY, null, null);
            requireRotatable(key);
            requireNotReplica(state, key);
            Instant next;
            if (key.rotation().enabled()) {
                // Changing the period of an active schedule counts from the newest material, never in the past.
                Instant fromLast = key.current().createdAt().plus(Duration.ofDays(period));
                next = fromLast.isBefore(call.now) ? call.now : fromLast;
            } else {
                next = call.now.plus(Duration.ofDays(period));
            }
            KeyRecord updated = key.withRotation(new RotationSchedule(true, period, next));
            return new StateStore.Change<>(state.withKey(updated), null);
        });
    }

    public void disableKeyRotation(Call call, String keyId) {
        core.store.mutate(state -> {
            KeyRecord key = core.keyFor(call, state, "keyId", keyId, KeyIdForms.KEY_ONLY, null, null);
            requireRotatable(key);
            requireNotReplica(state, key);
            RotationSchedule off = new RotationSchedule(false, key.rotation().periodInDays(), null);
            return new StateStore.Change<>(state.withKey(key.withRotation(off)), null);
        });
    }

    public GetKeyRotationStatusResult getKeyRotationStatus(Call call, String keyId) {
        EngineState state = core.store.current();
        KeyRecord key = core.keyFor(call, state, "keyId", keyId, KeyIdForms.KEY_ONLY, null, null);
        RotationSchedule schedule = sharedSchedule(state, key);
        // While a key is pending deletion AWS reports rotation as off; cancelling restores the setting.
        boolean enabled = schedule.enabled() && key.keyState() != KeyState.PendingDeletion;
        return new GetKeyRotationStatusResult(enabled, key.arn(), enabled ? schedule.periodInDays() : null,
                enabled ? schedule.nextRotationDate() : null, null);
    }

    public RotateKeyOnDemandResult rotateKeyOnDemand(Call call, String keyId) {
        RotateKeyOnDemandResult result = core.store.mutate(state -> {
            KeyRecord key = core.keyFor(call, state, "keyId", keyId, KeyIdForms.KEY_ONLY, null, null);
            boolean imported = key.origin() == OriginType.EXTERNAL && key.keySpec() == KeySpec.SYMMETRIC_DEFAULT;
            if (!imported) {
                requireRotatable(key);
            }
            requireNotReplica(state, key);
            if (key.onDemandRotations() >= MAX_ON_DEMAND) {
                throw new LimitExceededException("The request was rejected because " + key.arn()
                        + " has already been rotated on demand " + MAX_ON_DEMAND + " times, the most allowed.");
            }
            KeyRecord rotated = imported ? rotateImported(key, call.now)
                    : key.withNewVersion(newVersion(key, call.now, RotationType.ON_DEMAND), true);
            return new StateStore.Change<>(state.withKey(rotated), new RotateKeyOnDemandResult(key.keyId()));
        });
        MultiRegionKeys.syncReplicas(core, result.keyId());
        return result;
    }

    /** An imported key rotates to the material imported for it as NEW_KEY_MATERIAL; KMS cannot make any up. */
    private static KeyRecord rotateImported(KeyRecord key, Instant at) {
        if (key.pendingRotation() == null) {
            throw new KMSInvalidStateException(key.arn() + " has no imported key material pending rotation. "
                    + "Import new key material with ImportType NEW_KEY_MATERIAL, then rotate the key on demand.");
        }
        return key.withPendingRotatedIn(at);
    }

    public ListKeyRotationsResult listKeyRotations(Call call, ListKeyRotationsRequest request) {
        KeyRecord key = core.keyFor(call, core.store.current(), "keyId", request.keyId(), KeyIdForms.KEY_ONLY,
                null, null);
        List<RotationsListEntry> all = ImportedMaterials.listing(key, request.includeKeyMaterial());
        Pages.Page<RotationsListEntry> page = Pages.slice("rotations", all, request.limit(), 100, 1000,
                request.marker());
        return new ListKeyRotationsResult(page.items(), page.nextMarker(), page.truncated());
    }

    /** The next backing key for {@code key}, with fresh random material. */
    public KeyVersion newVersion(KeyRecord key, Instant at, RotationType type) {
        return new KeyVersion(key.versions().size() + 1, core.newKeyMaterialId(), AesKeyMaterial.generate(core.random),
                at, type);
    }

    /**
     * Rotation is a property multi-Region keys share, set on and performed by the primary, which the
     * UpdatePrimaryRegion reference names as the source of the shared properties, automatic rotation among them.
     */
    private static void requireNotReplica(EngineState state, KeyRecord key) {
        if (state.isReplica(key.keyId())) {
            throw new UnsupportedOperationException(key.arn() + " is a multi-Region replica key. Rotation is shared "
                    + "by related multi-Region keys: enable, disable or perform it on the primary key.");
        }
    }

    /** The schedule that applies to {@code key}: a replica follows its primary's. */
    private RotationSchedule sharedSchedule(EngineState state, KeyRecord key) {
        if (!state.isReplica(key.keyId())) {
            return key.rotation();
        }
        EngineCore primary = MultiRegionKeys.primaryEngine(core, key.keyId());
        KeyRecord primaryKey = primary == null ? null : primary.store.current().keys().get(key.keyId());
        return primaryKey == null ? key.rotation() : primaryKey.rotation();
    }

    private static void requireRotatable(KeyRecord key) {
        if (key.origin() == OriginType.AWS_CLOUDHSM) {
            throw new UnsupportedOperationException(key.arn() + " is in a custom key store; AWS KMS does not rotate "
                    + "keys in custom key stores, automatically or on demand.");
        }
        if (key.keySpec() != KeySpec.SYMMETRIC_DEFAULT || key.origin() != OriginType.AWS_KMS) {
            throw new UnsupportedOperationException(key.arn() + " does not support rotation: only symmetric "
                    + "encryption keys with AWS_KMS origin rotate.");
        }
    }
}
