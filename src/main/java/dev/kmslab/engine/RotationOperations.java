package dev.kmslab.engine;

import dev.kmslab.engine.crypto.KeyMaterial;
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
import dev.kmslab.engine.state.KeyRecord;
import dev.kmslab.engine.state.KeyVersion;
import dev.kmslab.engine.state.RotationSchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Automatic rotation settings, on-demand rotation and the rotation history. A rotation appends a backing key with
 * fresh random material; the key id, ARN and aliases stay the same, and every older version stays for Decrypt.
 * On-demand rotation does not move the automatic schedule.
 */
final class RotationOperations {

    static final int MIN_PERIOD = 90;
    static final int MAX_PERIOD = 2560;
    static final int MAX_ON_DEMAND = 25;

    private final EngineCore core;

    RotationOperations(EngineCore core) {
        this.core = core;
    }

    void enableKeyRotation(Call call, String keyId, Integer rotationPeriodInDays) {
        int period = rotationPeriodInDays == null ? RotationSchedule.DEFAULT_PERIOD_DAYS : rotationPeriodInDays;
        Validation.range("rotationPeriodInDays", period, MIN_PERIOD, MAX_PERIOD);
        core.store.mutate(state -> {
            KeyRecord key = core.keyFor(call, state, "keyId", keyId, KeyIdForms.KEY_ONLY, null, null);
            requireRotatable(key);
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

    void disableKeyRotation(Call call, String keyId) {
        core.store.mutate(state -> {
            KeyRecord key = core.keyFor(call, state, "keyId", keyId, KeyIdForms.KEY_ONLY, null, null);
            requireRotatable(key);
            RotationSchedule off = new RotationSchedule(false, key.rotation().periodInDays(), null);
            return new StateStore.Change<>(state.withKey(key.withRotation(off)), null);
        });
    }

    GetKeyRotationStatusResult getKeyRotationStatus(Call call, String keyId) {
        KeyRecord key = core.keyFor(call, core.store.current(), "keyId", keyId, KeyIdForms.KEY_ONLY, null, null);
        // While a key is pending deletion AWS reports rotation as off; cancelling restores the setting.
        boolean enabled = key.rotation().enabled() && key.keyState() != KeyState.PendingDeletion;
        return new GetKeyRotationStatusResult(enabled, key.arn(), enabled ? key.rotation().periodInDays() : null,
                enabled ? key.rotation().nextRotationDate() : null, null);
    }

    RotateKeyOnDemandResult rotateKeyOnDemand(Call call, String keyId) {
        return core.store.mutate(state -> {
            KeyRecord key = core.keyFor(call, state, "keyId", keyId, KeyIdForms.KEY_ONLY, null, null);
            requireRotatable(key);
            if (key.onDemandRotations() >= MAX_ON_DEMAND) {
                throw new LimitExceededException("The request was rejected because " + key.arn()
                        + " has already been rotated on demand " + MAX_ON_DEMAND + " times, the most allowed.");
            }
            KeyRecord rotated = key.withNewVersion(newVersion(key, call.now, RotationType.ON_DEMAND), true);
            return new StateStore.Change<>(state.withKey(rotated), new RotateKeyOnDemandResult(key.keyId()));
        });
    }

    ListKeyRotationsResult listKeyRotations(Call call, ListKeyRotationsRequest request) {
        KeyRecord key = core.keyFor(call, core.store.current(), "keyId", request.keyId(), KeyIdForms.KEY_ONLY,
                null, null);
        List<RotationsListEntry> all = new ArrayList<>();
        for (KeyVersion version : key.versions()) {
            if (version.rotationType() != null) {
                all.add(new RotationsListEntry(key.keyId(), version.keyMaterialId(), version.createdAt(),
                        version.rotationType()));
            }
        }
        Pages.Page<RotationsListEntry> page = Pages.slice("rotations", all, request.limit(), 100, 1000,
                request.marker());
        return new ListKeyRotationsResult(page.items(), page.nextMarker(), page.truncated());
    }

    /** The next backing key for {@code key}, with fresh random material. */
    KeyVersion newVersion(KeyRecord key, Instant at, RotationType type) {
        return new KeyVersion(key.versions().size() + 1, core.newKeyMaterialId(), KeyMaterial.generate(core.random),
                at, type);
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
