package dev.kmslab.engine;

import static dev.kmslab.engine.EngineFixture.ROOT;
import static dev.kmslab.engine.Importer.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.error.ExpiredImportTokenException;
import dev.kmslab.engine.model.GetParametersForImportResult;
import dev.kmslab.engine.model.ImportKeyMaterialRequest;
import dev.kmslab.engine.model.KeyMaterialState;
import dev.kmslab.engine.model.RotateKeyOnDemandRequest;
import dev.kmslab.engine.model.RotationsListEntry;
import dev.kmslab.engine.state.EngineState;
import dev.kmslab.engine.store.EngineStateCodec;
import dev.kmslab.engine.store.SealedFileStorage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Import tokens and several key materials survive a restart; tokens stay sealed with the keystore. */
class ImportPersistenceTest {

    private final byte[] m1 = bytes(32, 0x11);
    private final byte[] m2 = bytes(32, 0x22);

    @Test
    void importToken_fromBeforeARestart_importsAfterIt() {
        EngineFixture first = new EngineFixture();
        String keyId = new Importer(first.engine).externalSymmetricKey();
        GetParametersForImportResult params = new Importer(first.engine).parameters(keyId);

        KmsEngine restarted = first.open(first.storage);
        first.clock.advance(Duration.ofHours(23));

        restarted.importKeyMaterial(ROOT, Importer.request(params, keyId, m1,
                ImportKeyMaterialRequest.withoutExpiry(keyId, null, null)));
        assertThat(new Importer(restarted).describe(keyId).currentKeyMaterialId()).hasSize(64);
    }

    @Test
    void importToken_afterARestart_stillExpiresAfter24HoursOfEngineTime() {
        EngineFixture first = new EngineFixture();
        String keyId = new Importer(first.engine).externalSymmetricKey();
        GetParametersForImportResult params = new Importer(first.engine).parameters(keyId);

        KmsEngine restarted = first.open(first.storage);
        restarted.advanceClock(Duration.ofHours(24));

        assertThatThrownBy(() -> restarted.importKeyMaterial(ROOT, Importer.request(params, keyId, m1,
                ImportKeyMaterialRequest.withoutExpiry(keyId, null, null))))
                .isInstanceOf(ExpiredImportTokenException.class);
    }

    @Test
    void sealedKeystore_keepsTheTokenUsable_butNeverShowsItOrItsWrappingKey(@TempDir Path dir) throws Exception {
        EngineFixture probe = new EngineFixture();
        Clock wall = Clock.fixed(EngineFixture.START, java.time.ZoneOffset.UTC);
        SealedFileStorage storage = SealedFileStorage.withKeyFile(dir, wall);
        KmsEngine first = probe.open(storage);
        String keyId = new Importer(first).externalSymmetricKey();
        GetParametersForImportResult params = new Importer(first).parameters(keyId);
        EngineState saved = EngineStateCodec.decode(storage.load().orElseThrow());
        String privateKey = Base64.getEncoder().encodeToString(saved.importTokens().find(params.importToken())
                .wrappingKey().getPrivate().getEncoded());
        storage.close();

        String onDisk = Files.readString(dir.resolve(SealedFileStorage.DEFAULT_FILE_NAME), StandardCharsets.UTF_8);
        assertThat(onDisk).doesNotContain(privateKey.substring(100, 160))
                .doesNotContain(Base64.getEncoder().encodeToString(params.importToken()));

        SealedFileStorage reopened = SealedFileStorage.withKeyFile(dir, wall);
        KmsEngine second = probe.open(reopened);
        second.importKeyMaterial(ROOT, Importer.request(params, keyId, m1,
                ImportKeyMaterialRequest.withoutExpiry(keyId, null, null)));
        assertThat(second.encrypt(ROOT, dev.kmslab.engine.model.EncryptRequest.of(keyId, new byte[] {1},
                EngineFixture.CONTEXT)).ciphertextBlob()).isNotEmpty();
        reopened.close();
    }

    @Test
    void restart_keepsPendingMaterial_itsDescription_andTheRotationHistory() {
        EngineFixture first = new EngineFixture();
        Importer importer = new Importer(first.engine);
        String keyId = importer.externalSymmetricKey();
        importer.importExisting(keyId, m1);
        byte[] underM1 = first.encrypt(keyId, "one");
        String id2 = importer.importNew(keyId, m2, "next quarter");

        KmsEngine restarted = first.open(first.storage);
        Importer after = new Importer(restarted);

        RotationsListEntry pending = after.allMaterials(keyId).get(1);
        assertThat(pending.keyMaterialId()).isEqualTo(id2);
        assertThat(pending.keyMaterialState()).isEqualTo(KeyMaterialState.PENDING_ROTATION);
        assertThat(pending.keyMaterialDescription()).isEqualTo("next quarter");
        restarted.rotateKeyOnDemand(ROOT, new RotateKeyOnDemandRequest(keyId));
        assertThat(after.describe(keyId).currentKeyMaterialId()).isEqualTo(id2);
        assertThat(new String(restarted.decrypt(ROOT, dev.kmslab.engine.model.DecryptRequest.of(underM1,
                EngineFixture.CONTEXT)).plaintext(), StandardCharsets.UTF_8)).isEqualTo("one");
    }
}
