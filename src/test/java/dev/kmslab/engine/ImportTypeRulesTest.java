package dev.kmslab.engine;

import static dev.kmslab.engine.EngineFixture.ROOT;
import static dev.kmslab.engine.Importer.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.error.IncorrectKeyMaterialException;
import dev.kmslab.engine.error.NotFoundException;
import dev.kmslab.engine.error.UnsupportedOperationException;
import dev.kmslab.engine.error.ValidationException;
import dev.kmslab.engine.model.DeleteImportedKeyMaterialRequest;
import dev.kmslab.engine.model.EnableKeyRotationRequest;
import dev.kmslab.engine.model.ExpirationModelType;
import dev.kmslab.engine.model.GetKeyRotationStatusRequest;
import dev.kmslab.engine.model.ImportKeyMaterialRequest;
import dev.kmslab.engine.model.ImportType;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyState;
import dev.kmslab.engine.model.KeyUsage;
import dev.kmslab.engine.model.RotateKeyOnDemandRequest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The rules on ImportType, KeyMaterialId and KeyMaterialDescription, each with its exact error. */
class ImportTypeRulesTest {

    private final EngineFixture f = new EngineFixture();
    private final Importer importer = new Importer(f.engine);
    private final byte[] m1 = bytes(32, 0x11);
    private final String keyId = importer.externalSymmetricKey();

    @Test
    void existingKeyMaterial_mustBeMaterialTheKeyHolds() {
        importer.importExisting(keyId, m1);

        assertThatThrownBy(() -> importer.importExisting(keyId, bytes(32, 0x22)))
                .isInstanceOf(IncorrectKeyMaterialException.class)
                .hasMessage("The key material is not the same key material that was previously imported into "
                        + f.arn(keyId) + ". To add different key material for an on-demand rotation, import it with "
                        + "ImportType NEW_KEY_MATERIAL.");
    }

    @Test
    void newKeyMaterial_mustReallyBeNew() {
        importer.importExisting(keyId, m1);

        assertThatThrownBy(() -> importer.importNew(keyId, m1, null))
                .isInstanceOf(IncorrectKeyMaterialException.class)
                .hasMessage("This key material is already associated with " + f.arn(keyId) + ". To import it again, "
                        + "use ImportType EXISTING_KEY_MATERIAL.");
    }

    @Test
    void keyMaterialId_mustMatchTheMaterial_andCannotNameNewMaterial() {
        String id1 = importer.importExisting(keyId, m1);
        String other = "ab".repeat(32);

        assertThatThrownBy(() -> f.engine.importKeyMaterial(ROOT, importer.request(keyId, m1, shape(
                ImportType.EXISTING_KEY_MATERIAL, null, other)))).isInstanceOf(IncorrectKeyMaterialException.class)
                .hasMessage("The key material does not have the KeyMaterialId " + other + ".");
        assertThat(f.engine.importKeyMaterial(ROOT, importer.request(keyId, m1, shape(
                ImportType.EXISTING_KEY_MATERIAL, null, id1))).keyMaterialId()).isEqualTo(id1);
        assertThatThrownBy(() -> f.engine.importKeyMaterial(ROOT, importer.request(keyId, bytes(32, 3), shape(
                ImportType.NEW_KEY_MATERIAL, null, other)))).isInstanceOf(ValidationException.class)
                .hasMessage("KeyMaterialId cannot be specified when ImportType is NEW_KEY_MATERIAL: KMS assigns the "
                        + "id of new key material.");
    }

    @Test
    void keyMaterialId_andDescription_areValidatedLikeAwsMembers() {
        assertThatThrownBy(() -> f.engine.importKeyMaterial(ROOT, new ImportKeyMaterialRequest(keyId, new byte[1],
                new byte[1], null, ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE, null, null, "abc")))
                .isInstanceOf(ValidationException.class).hasMessage("1 validation error detected: Value at "
                        + "'keyMaterialId' failed to satisfy constraint: Member must have length greater than or "
                        + "equal to 64");
        assertThatThrownBy(() -> f.engine.importKeyMaterial(ROOT, new ImportKeyMaterialRequest(keyId, new byte[1],
                new byte[1], null, ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE, null, "bad;label", null)))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("1 validation error detected: Value 'bad;label' at 'keyMaterialDescription' "
                        + "failed to satisfy constraint: Member must satisfy regular expression pattern");
        assertThatThrownBy(() -> f.engine.importKeyMaterial(ROOT, new ImportKeyMaterialRequest(keyId, new byte[1],
                new byte[1], null, ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE, null, "x".repeat(257), null)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("less than or equal to 256");
        assertThatThrownBy(() -> f.engine.deleteImportedKeyMaterial(ROOT, new DeleteImportedKeyMaterialRequest(
                keyId, "XY".repeat(32)))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("'keyMaterialId'");
    }

    @Test
    void deletingMaterialTheKeyNeverHad_isNotFound() {
        importer.importExisting(keyId, m1);
        String unknown = HexFormat.of().formatHex(bytes(32, 0x0c));

        assertThatThrownBy(() -> f.engine.deleteImportedKeyMaterial(ROOT, new DeleteImportedKeyMaterialRequest(
                keyId, unknown))).isInstanceOf(NotFoundException.class)
                .hasMessage("Key material " + unknown + " is not associated with " + f.arn(keyId) + ".");
    }

    @Test
    void asymmetricAndHmacKeys_keepTheirFirstMaterial() {
        String hmac = importer.externalKey(KeySpec.HMAC_256, KeyUsage.GENERATE_VERIFY_MAC);
        importer.importExisting(hmac, bytes(32, 0x0b));

        assertThatThrownBy(() -> importer.importNew(hmac, bytes(32, 0x0c), null))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessage(f.arn(hmac) + " is a HMAC_256 key: only symmetric encryption keys can take new key "
                        + "material. Other keys keep the key material first imported.");
        assertThatThrownBy(() -> f.engine.importKeyMaterial(ROOT, importer.request(hmac, bytes(32, 0x0b), shape(
                ImportType.EXISTING_KEY_MATERIAL, null, "ab".repeat(32))))).isInstanceOf(ValidationException.class)
                .hasMessage("KeyMaterialId can be specified only for symmetric encryption keys.");
        assertThatThrownBy(() -> f.engine.rotateKeyOnDemand(ROOT, new RotateKeyOnDemandRequest(hmac)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void automaticRotation_staysUnsupportedForImportedKeys() {
        importer.importExisting(keyId, m1);

        assertThatThrownBy(() -> f.engine.enableKeyRotation(ROOT, new EnableKeyRotationRequest(keyId, null)))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(f.engine.getKeyRotationStatus(ROOT, new GetKeyRotationStatusRequest(keyId)).keyRotationEnabled())
                .isFalse();
        assertThat(importer.describe(keyId).keyState()).isEqualTo(KeyState.Enabled);
    }

    private static ImportKeyMaterialRequest shape(ImportType type, String description, String keyMaterialId) {
        return new ImportKeyMaterialRequest(null, null, null, null, ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE,
                type, description, keyMaterialId);
    }
}
