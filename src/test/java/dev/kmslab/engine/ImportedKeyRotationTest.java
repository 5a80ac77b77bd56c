package dev.kmslab.engine;

import static dev.kmslab.engine.EngineFixture.ROOT;
import static dev.kmslab.engine.EngineFixture.START;
import static dev.kmslab.engine.Importer.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.error.KMSInvalidStateException;
import dev.kmslab.engine.error.LimitExceededException;
import dev.kmslab.engine.model.DeleteImportedKeyMaterialRequest;
import dev.kmslab.engine.model.DeleteImportedKeyMaterialResult;
import dev.kmslab.engine.model.ExpirationModelType;
import dev.kmslab.engine.model.GetParametersForImportResult;
import dev.kmslab.engine.model.ImportKeyMaterialRequest;
import dev.kmslab.engine.model.ImportState;
import dev.kmslab.engine.model.ImportType;
import dev.kmslab.engine.model.KeyMaterialState;
import dev.kmslab.engine.model.KeyState;
import dev.kmslab.engine.model.ListKeyRotationsRequest;
import dev.kmslab.engine.model.RotateKeyOnDemandRequest;
import dev.kmslab.engine.model.RotationType;
import dev.kmslab.engine.model.RotationsListEntry;
import dev.kmslab.engine.rotation.RotationOperations;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Imported symmetric keys with several key materials: new material imported for on-demand rotation, rotated in,
 * deleted and re-imported, step by step on the engine clock.
 */
class ImportedKeyRotationTest {

    private final EngineFixture f = new EngineFixture();
    private final Importer importer = new Importer(f.engine);
    private final byte[] m1 = bytes(32, 0x11);
    private final byte[] m2 = bytes(32, 0x22);
    private final String keyId = importer.externalSymmetricKey();

    @Test
    void importRotateDeleteReimport_theWholeScenario() {
        String id1 = importer.importExisting(keyId, m1);
        byte[] underM1 = f.encrypt(keyId, "under M1");
        f.clock.advance(Duration.ofDays(1));

        String id2 = importer.importNew(keyId, m2, "second material");

        assertThat(id2).isNotEqualTo(id1).hasSize(64);
        assertThat(importer.describe(keyId).currentKeyMaterialId()).isEqualTo(id1);
        assertThat(importer.describe(keyId).keyState()).isEqualTo(KeyState.Enabled);
        assertThat(importer.allMaterials(keyId)).containsExactly(
                material(id1, null, null, KeyMaterialState.CURRENT, ImportState.IMPORTED, null),
                material(id2, null, null, KeyMaterialState.PENDING_ROTATION, ImportState.IMPORTED,
                        "second material"));
        assertThat(f.engine.listKeyRotations(ROOT, new ListKeyRotationsRequest(keyId, null, null)).rotations())
                .isEmpty();

        f.clock.advance(Duration.ofDays(1));
        f.engine.rotateKeyOnDemand(ROOT, new RotateKeyOnDemandRequest(keyId));
        byte[] underM2 = f.encrypt(keyId, "under M2");

        Instant rotatedAt = START.plus(Duration.ofDays(2));
        assertThat(importer.describe(keyId).currentKeyMaterialId()).isEqualTo(id2);
        assertThat(f.engine.listKeyRotations(ROOT, new ListKeyRotationsRequest(keyId, null, null)).rotations())
                .containsExactly(material(id2, rotatedAt, RotationType.ON_DEMAND, KeyMaterialState.CURRENT,
                        ImportState.IMPORTED, "second material"));
        assertThat(f.decrypt(underM1)).isEqualTo("under M1");
        assertThat(f.decrypt(underM2)).isEqualTo("under M2");

        DeleteImportedKeyMaterialResult deleted = f.engine.deleteImportedKeyMaterial(ROOT,
                new DeleteImportedKeyMaterialRequest(keyId, id2));

        assertThat(deleted.keyMaterialId()).isEqualTo(id2);
        assertThat(importer.describe(keyId).keyState()).isEqualTo(KeyState.PendingImport);
        assertThat(importer.allMaterials(keyId)).extracting(RotationsListEntry::importState)
                .containsExactly(ImportState.IMPORTED, ImportState.PENDING_IMPORT);
        assertThatThrownBy(() -> f.decrypt(underM1)).isInstanceOf(KMSInvalidStateException.class)
                .hasMessage(f.arn(keyId) + " is pending import.");

        assertThat(importer.importExisting(keyId, m2)).isEqualTo(id2);

        assertThat(importer.describe(keyId).keyState()).isEqualTo(KeyState.Enabled);
        assertThat(f.decrypt(underM1)).isEqualTo("under M1");
        assertThat(f.decrypt(underM2)).isEqualTo("under M2");
        assertThat(importer.describe(keyId).currentKeyMaterialId()).isEqualTo(id2);
    }

    @Test
    void deletingAnOlderMaterial_alsoMakesTheKeyPendingImport_andOnlyThatMaterialBringsItBack() {
        String id1 = importer.importExisting(keyId, m1);
        importer.importNew(keyId, m2, null);
        f.engine.rotateKeyOnDemand(ROOT, new RotateKeyOnDemandRequest(keyId));

        f.engine.deleteImportedKeyMaterial(ROOT, new DeleteImportedKeyMaterialRequest(keyId, id1));

        assertThat(importer.describe(keyId).keyState()).isEqualTo(KeyState.PendingImport);
        assertThatThrownBy(() -> f.encrypt(keyId, "x")).isInstanceOf(KMSInvalidStateException.class);
        importer.importExisting(keyId, m1);
        assertThat(importer.describe(keyId).keyState()).isEqualTo(KeyState.Enabled);
    }

    @Test
    void deletingWithoutAnId_deletesTheCurrentMaterial() {
        importer.importExisting(keyId, m1);
        String id2 = importer.importNew(keyId, m2, null);
        f.engine.rotateKeyOnDemand(ROOT, new RotateKeyOnDemandRequest(keyId));

        assertThat(f.engine.deleteImportedKeyMaterial(ROOT, new DeleteImportedKeyMaterialRequest(keyId))
                .keyMaterialId()).isEqualTo(id2);
    }

    @Test
    void pendingMaterial_isNotYetAssociated_deletingItLeavesTheKeyEnabled_andOtherMaterialMayTakeItsPlace() {
        importer.importExisting(keyId, m1);
        String id2 = importer.importNew(keyId, m2, null);

        f.engine.deleteImportedKeyMaterial(ROOT, new DeleteImportedKeyMaterialRequest(keyId, id2));

        assertThat(importer.describe(keyId).keyState()).isEqualTo(KeyState.Enabled);
        assertThat(importer.allMaterials(keyId)).hasSize(1);
        String id3 = importer.importNew(keyId, bytes(32, 0x33), null);
        assertThat(importer.allMaterials(keyId)).extracting(RotationsListEntry::keyMaterialId).endsWith(id3);
    }

    @Test
    void rotateOnDemand_withoutPendingMaterial_isRefused() {
        importer.importExisting(keyId, m1);

        assertThatThrownBy(() -> f.engine.rotateKeyOnDemand(ROOT, new RotateKeyOnDemandRequest(keyId)))
                .isInstanceOf(KMSInvalidStateException.class)
                .hasMessage(f.arn(keyId) + " has no imported key material pending rotation. Import new key material"
                        + " with ImportType NEW_KEY_MATERIAL, then rotate the key on demand.");
    }

    @Test
    void onePendingMaterialAtATime() {
        importer.importExisting(keyId, m1);
        String id2 = importer.importNew(keyId, m2, null);

        assertThatThrownBy(() -> importer.importNew(keyId, bytes(32, 0x33), null))
                .isInstanceOf(KMSInvalidStateException.class)
                .hasMessageStartingWith(f.arn(keyId) + " already has key material " + id2 + " pending rotation.");
    }

    @Test
    void reimportingPendingMaterialAsExisting_changesOnlyItsExpiry() {
        importer.importExisting(keyId, m1);
        String id2 = importer.importNew(keyId, m2, "kept label");
        Instant validTo = START.plus(Duration.ofDays(5));

        f.engine.importKeyMaterial(ROOT, importer.request(keyId, m2, new ImportKeyMaterialRequest(keyId, null, null,
                validTo, ExpirationModelType.KEY_MATERIAL_EXPIRES, ImportType.EXISTING_KEY_MATERIAL, null, id2)));

        assertThat(importer.allMaterials(keyId).get(1)).isEqualTo(material(id2, null, null,
                KeyMaterialState.PENDING_ROTATION, ImportState.IMPORTED, "kept label", validTo));
        assertThat(importer.describe(keyId).validTo()).as("pending material is not yet the key's").isNull();
    }

    @Test
    void expiry_ofPendingMaterialForgetsIt_ofAnAssociatedMaterialMakesTheKeyPendingImport() {
        Instant oldExpiry = START.plus(Duration.ofDays(20));
        f.engine.importKeyMaterial(ROOT, importer.request(keyId, m1, new ImportKeyMaterialRequest(keyId, null,
                null, oldExpiry, null)));
        f.engine.importKeyMaterial(ROOT, importer.request(keyId, m2, new ImportKeyMaterialRequest(keyId, null,
                null, START.plus(Duration.ofDays(10)), null, ImportType.NEW_KEY_MATERIAL, null, null)));
        assertThat(importer.describe(keyId).validTo()).isEqualTo(oldExpiry);

        f.engine.advanceClock(Duration.ofDays(10));

        assertThat(importer.allMaterials(keyId)).hasSize(1);
        assertThat(importer.describe(keyId).keyState()).isEqualTo(KeyState.Enabled);
        importer.importNew(keyId, m2, null);
        f.engine.rotateKeyOnDemand(ROOT, new RotateKeyOnDemandRequest(keyId));
        byte[] blob = f.encrypt(keyId, "under M2, M1 expiring");
        assertThat(importer.describe(keyId).validTo()).as("the earliest associated expiry").isEqualTo(oldExpiry);
        assertThat(importer.describe(keyId).expirationModel()).isEqualTo(ExpirationModelType.KEY_MATERIAL_EXPIRES);

        f.engine.advanceClock(Duration.ofDays(10));

        assertThat(importer.describe(keyId).keyState()).isEqualTo(KeyState.PendingImport);
        assertThatThrownBy(() -> f.decrypt(blob)).isInstanceOf(KMSInvalidStateException.class);
        importer.importExisting(keyId, m1);
        assertThat(f.decrypt(blob)).isEqualTo("under M2, M1 expiring");
    }

    @Test
    void importedRotations_countTowardsTheOnDemandLimit() {
        importer.importExisting(keyId, m1);
        GetParametersForImportResult params = importer.parameters(keyId);
        ImportKeyMaterialRequest shape = ImportKeyMaterialRequest.newMaterial(keyId, null, null, null);
        for (int i = 0; i < RotationOperations.MAX_ON_DEMAND; i++) {
            f.engine.importKeyMaterial(ROOT, Importer.request(params, keyId, bytes(32, 0x40 + i), shape));
            f.engine.rotateKeyOnDemand(ROOT, new RotateKeyOnDemandRequest(keyId));
        }
        f.engine.importKeyMaterial(ROOT, Importer.request(params, keyId, bytes(32, 0x7f), shape));

        assertThatThrownBy(() -> f.engine.rotateKeyOnDemand(ROOT, new RotateKeyOnDemandRequest(keyId)))
                .isInstanceOf(LimitExceededException.class);
        assertThat(f.engine.listKeyRotations(ROOT, new ListKeyRotationsRequest(keyId, 1000, null)).rotations())
                .hasSize(RotationOperations.MAX_ON_DEMAND);
    }

    @Test
    void aNewKeysFirstImport_becomesCurrentWhateverTheImportType() {
        String id1 = importer.importNew(keyId, m1, "first");

        assertThat(importer.describe(keyId).keyState()).isEqualTo(KeyState.Enabled);
        assertThat(importer.describe(keyId).currentKeyMaterialId()).isEqualTo(id1);
        assertThat(importer.allMaterials(keyId)).containsExactly(material(id1, null, null, KeyMaterialState.CURRENT,
                ImportState.IMPORTED, "first"));
    }

    private RotationsListEntry material(String id, Instant rotated, RotationType type, KeyMaterialState state,
                                        ImportState importState, String description) {
        return new RotationsListEntry(keyId, id, rotated, type, state, importState,
                importState == ImportState.IMPORTED ? ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE : null, null,
                description);
    }

    private RotationsListEntry material(String id, Instant rotated, RotationType type, KeyMaterialState state,
                                        ImportState importState, String description, Instant validTo) {
        return new RotationsListEntry(keyId, id, rotated, type, state, importState,
                ExpirationModelType.KEY_MATERIAL_EXPIRES, validTo, description);
    }
}
