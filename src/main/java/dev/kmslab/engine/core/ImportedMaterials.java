package dev.kmslab.engine.core;

import dev.kmslab.engine.model.ExpirationModelType;
import dev.kmslab.engine.model.ImportState;
import dev.kmslab.engine.model.IncludeKeyMaterial;
import dev.kmslab.engine.model.KeyMaterialState;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyState;
import dev.kmslab.engine.model.OriginType;
import dev.kmslab.engine.model.RotationsListEntry;
import dev.kmslab.engine.state.KeyRecord;
import dev.kmslab.engine.state.KeyVersion;
import dev.kmslab.engine.state.ScheduledEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules for the key materials of an EXTERNAL key, as AWS has applied them since imported symmetric keys can
 * rotate on demand. Every version of the ring is a key material that is permanently associated with the key; the
 * first one imported becomes current. A symmetric key may also hold one material imported as NEW_KEY_MATERIAL that
 * waits for RotateKeyOnDemand (pending rotation, not yet permanently associated). When any permanently associated
 * material is missing (deleted or expired) the key is PendingImport until that same material is imported again;
 * material pending rotation that is deleted or expires is simply forgotten.
 */
public final class ImportedMaterials {

    private ImportedMaterials() {
    }

    /** True when a permanently associated material is absent (never imported, deleted or expired). */
    public static boolean missingMaterial(KeyRecord key) {
        for (KeyVersion v : key.versions()) {
            if (!v.pendingRotation() && !v.hasMaterial()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The key with its state brought in line with its materials. A key pending deletion keeps that state (AWS
     * leaves it unchanged when material is deleted); otherwise a missing material means PendingImport, and a
     * PendingImport key with all its materials back is Enabled.
     */
    public static KeyRecord settle(KeyRecord key) {
        KeyState state = key.keyState();
        if (state == KeyState.PendingDeletion) {
            return key;
        }
        KeyState next = missingMaterial(key) ? KeyState.PendingImport
                : state == KeyState.PendingImport ? KeyState.Enabled : state;
        return next == state ? key : key.withState(next, null, null);
    }

    /** The key after {@code material} (one of its versions) is deleted, by DeleteImportedKeyMaterial or expiry. */
    public static KeyRecord delete(KeyRecord key, KeyVersion material) {
        if (material.pendingRotation()) {
            return key.withoutPendingRotation();
        }
        return settle(key.withVersion(material.withoutMaterial()));
    }

    /** The key after its first-expiring imported material expires (see {@link ScheduledEvents#materialExpiry}). */
    public static KeyRecord expire(KeyRecord key) {
        return delete(key, ScheduledEvents.expiringFirst(key));
    }

    /** The version holding the material with this id (including material pending rotation), or null. */
    public static KeyVersion find(KeyRecord key, String keyMaterialId) {
        for (KeyVersion v : key.versions()) {
            if (keyMaterialId.equals(v.keyMaterialId())) {
                return v;
            }
        }
        return null;
    }

    /**
     * DescribeKey's ValidTo: the earliest expiry among the permanently associated materials, since the key becomes
     * unusable as soon as any of them expires. Null when none expires.
     */
    public static Instant validTo(KeyRecord key) {
        Instant earliest = null;
        for (KeyVersion v : key.versions()) {
            if (!v.pendingRotation() && v.hasMaterial() && v.validTo() != null
                    && (earliest == null || v.validTo().isBefore(earliest))) {
                earliest = v.validTo();
            }
        }
        return earliest;
    }

    /** DescribeKey's ExpirationModel: KEY_MATERIAL_EXPIRES if any associated material expires, else the current's. */
    public static ExpirationModelType expirationModel(KeyRecord key) {
        return validTo(key) != null ? ExpirationModelType.KEY_MATERIAL_EXPIRES : key.current().expirationModel();
    }

    /**
     * ListKeyRotations entries. ROTATIONS_ONLY lists the materials that rotations created; ALL_KEY_MATERIAL adds the
     * first material and material pending rotation. The import fields are filled only for symmetric EXTERNAL keys.
     */
    public static List<RotationsListEntry> listing(KeyRecord key, IncludeKeyMaterial include) {
        boolean all = include == IncludeKeyMaterial.ALL_KEY_MATERIAL;
        boolean imported = key.origin() == OriginType.EXTERNAL && key.keySpec() == KeySpec.SYMMETRIC_DEFAULT;
        int current = key.current().version();
        List<RotationsListEntry> entries = new ArrayList<>();
        for (KeyVersion v : key.versions()) {
            boolean rotation = v.rotationType() != null && !v.pendingRotation();
            if (v.keyMaterialId() == null || !rotation && !all) {
                continue;
            }
            KeyMaterialState state = v.pendingRotation() ? KeyMaterialState.PENDING_ROTATION
                    : v.version() == current ? KeyMaterialState.CURRENT : KeyMaterialState.NON_CURRENT;
            entries.add(new RotationsListEntry(key.keyId(), v.keyMaterialId(), rotation ? v.createdAt() : null,
                    rotation ? v.rotationType() : null, state,
                    imported ? (v.hasMaterial() ? ImportState.IMPORTED : ImportState.PENDING_IMPORT) : null,
                    imported ? v.expirationModel() : null, imported ? v.validTo() : null,
                    imported ? v.description() : null));
        }
        return entries;
    }
}
