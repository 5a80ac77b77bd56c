package dev.kmslab.engine;

import static dev.kmslab.engine.EngineFixture.ROOT;
import static dev.kmslab.engine.Importer.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.imports.ImportOperations;
import dev.kmslab.engine.model.DecryptRequest;
import dev.kmslab.engine.model.ExpirationModelType;
import dev.kmslab.engine.model.ImportState;
import dev.kmslab.engine.model.KeyMaterialState;
import dev.kmslab.engine.model.KeyMetadata;
import dev.kmslab.engine.model.KeyState;
import dev.kmslab.engine.model.RotateKeyOnDemandRequest;
import dev.kmslab.engine.model.RotationType;
import dev.kmslab.engine.model.RotationsListEntry;
import dev.kmslab.engine.store.InMemoryKeystoreStorage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A keystore written by the engine before keys could hold several imported materials (test resource
 * {@code keystores/single-material-v1.json}, made by that engine, with ciphertexts it produced) still opens: its keys,
 * states, expiry and ciphertexts are as they were, and its imported key can now rotate on demand.
 */
class SingleMaterialKeystoreTest {

    private static final byte[] OLD_MATERIAL = bytes(32, 0x5a);

    private final EngineFixture f = new EngineFixture();
    private final List<String> lines = resource("single-material-v1-ciphertexts.txt").lines().toList();
    private final String imported = lines.get(0);
    private final String deleted = lines.get(1);
    private final String generated = lines.get(2);
    private final KmsEngine engine = openFixture();
    private final Importer importer = new Importer(engine);

    @Test
    void oldDocument_hasNoImportTokens_orNewVersionMembers() {
        String document = resource("single-material-v1.json");
        assertThat(document).contains("\"keyMaterialId\"").doesNotContain("importTokens")
                .doesNotContain("pendingRotation");
    }

    @Test
    void importedKey_keepsItsMaterialExpiryAndCiphertexts() {
        KeyMetadata meta = importer.describe(imported);
        assertThat(meta.keyState()).isEqualTo(KeyState.Enabled);
        assertThat(meta.validTo()).isEqualTo(Instant.parse("2026-01-11T00:00:00Z"));
        assertThat(meta.currentKeyMaterialId()).isEqualTo(ImportOperations.materialId(imported, OLD_MATERIAL));
        assertThat(decrypt(lines.get(3))).isEqualTo("imported before the upgrade");
        assertThat(importer.allMaterials(imported)).containsExactly(new RotationsListEntry(imported,
                meta.currentKeyMaterialId(), null, null, KeyMaterialState.CURRENT, ImportState.IMPORTED,
                ExpirationModelType.KEY_MATERIAL_EXPIRES, Instant.parse("2026-01-11T00:00:00Z"), null));
    }

    @Test
    void importedKey_canNowRotateOnDemand() {
        String next = importer.importNew(imported, bytes(32, 0x6b), null);
        engine.rotateKeyOnDemand(ROOT, new RotateKeyOnDemandRequest(imported));

        assertThat(importer.describe(imported).currentKeyMaterialId()).isEqualTo(next);
        assertThat(decrypt(lines.get(3))).isEqualTo("imported before the upgrade");
    }

    @Test
    void keyWhoseMaterialWasDeleted_isPendingImport_andTakesTheSameMaterialBack() {
        assertThat(importer.describe(deleted).keyState()).isEqualTo(KeyState.PendingImport);
        assertThat(importer.allMaterials(deleted)).extracting(RotationsListEntry::importState)
                .containsExactly(ImportState.PENDING_IMPORT);

        importer.importExisting(deleted, OLD_MATERIAL);

        assertThat(importer.describe(deleted).keyState()).isEqualTo(KeyState.Enabled);
    }

    @Test
    void generatedKey_keepsItsRotation() {
        assertThat(decrypt(lines.get(4))).isEqualTo("generated v1");
        List<RotationsListEntry> rotations = importer.allMaterials(generated);
        assertThat(rotations).extracting(RotationsListEntry::keyMaterialState)
                .containsExactly(KeyMaterialState.NON_CURRENT, KeyMaterialState.CURRENT);
        assertThat(rotations.get(1).rotationType()).isEqualTo(RotationType.ON_DEMAND);
        assertThat(rotations.get(1).importState()).isNull();
    }

    private KmsEngine openFixture() {
        InMemoryKeystoreStorage storage = new InMemoryKeystoreStorage();
        storage.save(resource("single-material-v1.json").getBytes(StandardCharsets.UTF_8));
        return f.open(storage);
    }

    private String decrypt(String base64) {
        return new String(engine.decrypt(ROOT, DecryptRequest.of(Base64.getDecoder().decode(base64),
                EngineFixture.CONTEXT)).plaintext(), StandardCharsets.UTF_8);
    }

    private static String resource(String name) {
        try (InputStream in = SingleMaterialKeystoreTest.class.getResourceAsStream("/keystores/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
