package dev.kmslab.engine;

import static dev.kmslab.engine.EngineFixture.ROOT;
import static dev.kmslab.engine.Importer.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.error.DisabledException;
import dev.kmslab.engine.error.KMSInvalidStateException;
import dev.kmslab.engine.model.CancelKeyDeletionRequest;
import dev.kmslab.engine.model.DeleteImportedKeyMaterialRequest;
import dev.kmslab.engine.model.DisableKeyRequest;
import dev.kmslab.engine.model.EnableKeyRequest;
import dev.kmslab.engine.model.KeyState;
import dev.kmslab.engine.model.RotateKeyOnDemandRequest;
import dev.kmslab.engine.model.ScheduleKeyDeletionRequest;
import org.junit.jupiter.api.Test;

/**
 * The import rows of AWS's key-state table for EXTERNAL keys, checked through the engine: DeleteImportedKeyMaterial
 * works in every state (a key pending deletion stays so), GetParametersForImport and ImportKeyMaterial refuse a key
 * pending deletion, and RotateKeyOnDemand needs an Enabled key like every other use of it.
 */
class ImportKeyStateRowsTest {

    private final EngineFixture f = new EngineFixture();
    private final Importer importer = new Importer(f.engine);
    private final byte[] m1 = bytes(32, 0x11);
    private final String keyId = importer.externalSymmetricKey();

    @Test
    void deleteImportedKeyMaterial_whilePendingDeletion_keepsThatState_andCancelling_returnsPendingImport() {
        importer.importExisting(keyId, m1);
        f.engine.scheduleKeyDeletion(ROOT, new ScheduleKeyDeletionRequest(keyId, 7));

        f.engine.deleteImportedKeyMaterial(ROOT, new DeleteImportedKeyMaterialRequest(keyId));

        assertThat(importer.describe(keyId).keyState()).isEqualTo(KeyState.PendingDeletion);
        assertThat(importer.describe(keyId).deletionDate()).isNotNull();
        f.engine.cancelKeyDeletion(ROOT, new CancelKeyDeletionRequest(keyId));
        assertThat(importer.describe(keyId).keyState()).isEqualTo(KeyState.PendingImport);
        assertThatThrownBy(() -> f.engine.enableKeyRotation(ROOT,
                new dev.kmslab.engine.model.EnableKeyRotationRequest(keyId, null)))
                .isInstanceOf(KMSInvalidStateException.class);
        importer.importExisting(keyId, m1);
        assertThat(importer.describe(keyId).keyState()).isEqualTo(KeyState.Enabled);
    }

    @Test
    void cancellingDeletion_ofAKeyWithAllItsMaterial_stillGivesDisabled() {
        importer.importExisting(keyId, m1);
        f.engine.scheduleKeyDeletion(ROOT, new ScheduleKeyDeletionRequest(keyId, 7));

        f.engine.cancelKeyDeletion(ROOT, new CancelKeyDeletionRequest(keyId));

        assertThat(importer.describe(keyId).keyState()).isEqualTo(KeyState.Disabled);
    }

    @Test
    void deleteImportedKeyMaterial_onADisabledKey_givesPendingImport_andReimportEnables() {
        importer.importExisting(keyId, m1);
        f.engine.disableKey(ROOT, new DisableKeyRequest(keyId));

        f.engine.deleteImportedKeyMaterial(ROOT, new DeleteImportedKeyMaterialRequest(keyId));

        assertThat(importer.describe(keyId).keyState()).isEqualTo(KeyState.PendingImport);
        importer.importExisting(keyId, m1);
        assertThat(importer.describe(keyId).keyState()).isEqualTo(KeyState.Enabled);
    }

    @Test
    void deleteImportedKeyMaterial_onAPendingImportKey_hasNoEffect() {
        f.engine.deleteImportedKeyMaterial(ROOT, new DeleteImportedKeyMaterialRequest(keyId));

        assertThat(importer.describe(keyId).keyState()).isEqualTo(KeyState.PendingImport);
        assertThat(importer.describe(keyId).currentKeyMaterialId()).isNull();
    }

    @Test
    void getParametersAndImport_refuseAKeyPendingDeletion() {
        var params = importer.parameters(keyId);
        f.engine.scheduleKeyDeletion(ROOT, new ScheduleKeyDeletionRequest(keyId, 7));

        assertThatThrownBy(() -> importer.parameters(keyId)).isInstanceOf(KMSInvalidStateException.class)
                .hasMessage(f.arn(keyId) + " is pending deletion.");
        assertThatThrownBy(() -> f.engine.importKeyMaterial(ROOT, Importer.request(params, keyId, m1,
                dev.kmslab.engine.model.ImportKeyMaterialRequest.withoutExpiry(keyId, null, null))))
                .isInstanceOf(KMSInvalidStateException.class).hasMessage(f.arn(keyId) + " is pending deletion.");
    }

    @Test
    void rotateKeyOnDemand_ofAnImportedKey_needsAnEnabledKey() {
        importer.importExisting(keyId, m1);
        importer.importNew(keyId, bytes(32, 0x22), null);

        f.engine.disableKey(ROOT, new DisableKeyRequest(keyId));
        assertThatThrownBy(() -> f.engine.rotateKeyOnDemand(ROOT, new RotateKeyOnDemandRequest(keyId)))
                .isInstanceOf(DisabledException.class).hasMessage(f.arn(keyId) + " is disabled.");
        f.engine.enableKey(ROOT, new EnableKeyRequest(keyId));

        f.engine.deleteImportedKeyMaterial(ROOT, new DeleteImportedKeyMaterialRequest(keyId));
        assertThatThrownBy(() -> f.engine.rotateKeyOnDemand(ROOT, new RotateKeyOnDemandRequest(keyId)))
                .isInstanceOf(KMSInvalidStateException.class).hasMessage(f.arn(keyId) + " is pending import.");

        f.engine.scheduleKeyDeletion(ROOT, new ScheduleKeyDeletionRequest(keyId, 7));
        assertThatThrownBy(() -> f.engine.rotateKeyOnDemand(ROOT, new RotateKeyOnDemandRequest(keyId)))
                .isInstanceOf(KMSInvalidStateException.class).hasMessage(f.arn(keyId) + " is pending deletion.");
    }
}
