package dev.kmslab.engine.model;

import java.time.Instant;

/**
 * One key material in ListKeyRotations. rotationDate and rotationType are null for the first material and for
 * imported material pending rotation. importState, expirationModel, validTo and keyMaterialDescription are set only
 * for symmetric keys with EXTERNAL origin.
 */
public record RotationsListEntry(String keyId, String keyMaterialId, Instant rotationDate, RotationType rotationType,
                                 KeyMaterialState keyMaterialState, ImportState importState,
                                 ExpirationModelType expirationModel, Instant validTo,
                                 String keyMaterialDescription) {

    /** A completed rotation of generated material (the only kind before imported keys could rotate). */
    public RotationsListEntry(String keyId, String keyMaterialId, Instant rotationDate, RotationType rotationType) {
        this(keyId, keyMaterialId, rotationDate, rotationType, null, null, null, null, null);
    }
}
