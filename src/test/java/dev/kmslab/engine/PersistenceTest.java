package dev.kmslab.engine;

import static dev.kmslab.engine.EngineFixture.CONTEXT;
import static dev.kmslab.engine.EngineFixture.ROOT;
import static dev.kmslab.engine.EngineFixture.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.error.KMSInternalException;
import dev.kmslab.engine.error.NotFoundException;
import dev.kmslab.engine.model.CreateAliasRequest;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.DecryptRequest;
import dev.kmslab.engine.model.DescribeKeyRequest;
import dev.kmslab.engine.model.DisableKeyRequest;
import dev.kmslab.engine.model.EnableKeyRotationRequest;
import dev.kmslab.engine.model.GetKeyRotationStatusRequest;
import dev.kmslab.engine.model.KeyMetadata;
import dev.kmslab.engine.model.KeyState;
import dev.kmslab.engine.model.ListAliasesRequest;
import dev.kmslab.engine.model.ListKeyRotationsRequest;
import dev.kmslab.engine.model.ListKeysRequest;
import dev.kmslab.engine.model.ListResourceTagsRequest;
import dev.kmslab.engine.model.RotateKeyOnDemandRequest;
import dev.kmslab.engine.model.ScheduleKeyDeletionRequest;
import dev.kmslab.engine.model.Tag;
import dev.kmslab.engine.store.FailingStorage;
import dev.kmslab.engine.store.InMemoryKeystoreStorage;
import dev.kmslab.engine.store.KeystoreCorruptException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PersistenceTest {

    @Test
    void restart_keepsKeysVersionsAliasesTagsAndSchedules_andOldCiphertextsDecrypt() {
        EngineFixture first = new EngineFixture();
        String keyId = first.engine.createKey(ROOT, new CreateKeyRequest("kept", null, null, null,
                List.of(new Tag("env", "lab")))).keyMetadata().keyId();
        String doomed = first.newKey();
        first.engine.createAlias(ROOT, new CreateAliasRequest("alias/kept", keyId));
        byte[] v1 = first.encrypt(keyId, "one");
        first.engine.rotateKeyOnDemand(ROOT, new RotateKeyOnDemandRequest(keyId));
        byte[] v2 = first.encrypt(keyId, "two");
        first.engine.enableKeyRotation(ROOT, new EnableKeyRotationRequest(keyId, 180));
        first.engine.scheduleKeyDeletion(ROOT, new ScheduleKeyDeletionRequest(doomed, 10));

        KmsEngine restarted = first.open(first.storage);

        assertThat(restarted.decrypt(ROOT, DecryptRequest.of(v1, CONTEXT)).plaintext())
                .isEqualTo("one".getBytes(StandardCharsets.UTF_8));
        assertThat(restarted.decrypt(ROOT, DecryptRequest.of(v2, CONTEXT)).plaintext())
                .isEqualTo("two".getBytes(StandardCharsets.UTF_8));
        KeyMetadata meta = restarted.describeKey(ROOT, new DescribeKeyRequest("alias/kept")).keyMetadata();
        assertThat(meta.description()).isEqualTo("kept");
        assertThat(restarted.listKeyRotations(ROOT, new ListKeyRotationsRequest(keyId, null, null)).rotations())
                .hasSize(1);
        assertThat(restarted.getKeyRotationStatus(ROOT, new GetKeyRotationStatusRequest(keyId)).nextRotationDate())
                .isEqualTo(START.plus(Duration.ofDays(180)));
        assertThat(restarted.listResourceTags(ROOT, new ListResourceTagsRequest(keyId, null, null)).tags())
                .containsExactly(new Tag("env", "lab"));
        assertThat(restarted.describeKey(ROOT, new DescribeKeyRequest(doomed)).keyMetadata().deletionDate())
                .isEqualTo(START.plus(Duration.ofDays(10)));
        assertThat(restarted.listKeys(ROOT, ListKeysRequest.firstPage()).keys()).hasSize(2);
        assertThat(restarted.listAliases(ROOT, ListAliasesRequest.all()).aliases()).hasSize(1);
    }

    @Test
    void restart_remembersDeletedKeys() {
        EngineFixture first = new EngineFixture();
        String keyId = first.newKey();
        byte[] blob = first.encrypt(keyId, "gone");
        first.engine.scheduleKeyDeletion(ROOT, new ScheduleKeyDeletionRequest(keyId, 7));
        first.engine.advanceClock(Duration.ofDays(7));

        KmsEngine restarted = first.open(first.storage);

        assertThatThrownBy(() -> restarted.decrypt(ROOT, DecryptRequest.of(blob, CONTEXT)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void failingStore_leavesMemoryAndStorageAsTheyWere() throws Exception {
        FailingStorage storage = new FailingStorage(new InMemoryKeystoreStorage());
        EngineFixture f = new EngineFixture(storage);
        String keyId = f.newKey();
        byte[] saved = storage.load().orElseThrow();
        storage.failing = true;

        assertThatThrownBy(() -> f.engine.disableKey(ROOT, new DisableKeyRequest(keyId)))
                .isInstanceOf(KMSInternalException.class);
        assertThatThrownBy(() -> f.engine.createKey(ROOT, CreateKeyRequest.symmetric()))
                .isInstanceOf(KMSInternalException.class);
        assertThatThrownBy(() -> f.engine.rotateKeyOnDemand(ROOT, new RotateKeyOnDemandRequest(keyId)))
                .isInstanceOf(KMSInternalException.class);
        assertThatThrownBy(() -> f.engine.createAlias(ROOT, new CreateAliasRequest("alias/x", keyId)))
                .isInstanceOf(KMSInternalException.class);

        assertThat(f.engine.describeKey(ROOT, new DescribeKeyRequest(keyId)).keyMetadata().keyState())
                .isEqualTo(KeyState.Enabled);
        assertThat(f.engine.listKeys(ROOT, ListKeysRequest.firstPage()).keys()).hasSize(1);
        assertThat(f.engine.listKeyRotations(ROOT, new ListKeyRotationsRequest(keyId, null, null)).rotations())
                .isEmpty();
        assertThat(f.engine.listAliases(ROOT, ListAliasesRequest.all()).aliases()).isEmpty();
        assertThat(storage.load().orElseThrow()).isEqualTo(saved);
        storage.failing = false;
        f.engine.disableKey(ROOT, new DisableKeyRequest(keyId));
        assertThat(f.engine.describeKey(ROOT, new DescribeKeyRequest(keyId)).keyMetadata().keyState())
                .isEqualTo(KeyState.Disabled);
    }

    @Test
    void corruptDocument_isReportedAsCorrupt() {
        InMemoryKeystoreStorage storage = new InMemoryKeystoreStorage();
        storage.save("{\"format\":\"kmslab-keystore\",\"version\":1,\"keys\":[{\"keyId\":1}]}"
                .getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> KmsEngine.open(EngineConfig.defaults().withStorage(storage)))
                .isInstanceOf(KeystoreCorruptException.class);
    }

    @Test
    void keystoreOfAnotherAccount_isRefused() {
        EngineFixture f = new EngineFixture();
        f.newKey();

        assertThatThrownBy(() -> KmsEngine.open(EngineConfig.defaults().withStorage(f.storage)
                .withAccountAndRegion("444455556666", "eu-west-1"))).isInstanceOf(KeystoreCorruptException.class)
                .hasMessageContaining("111122223333");
    }

    @Test
    void document_neverHoldsPlaintext_andKeyMaterialNotInToString() throws Exception {
        EngineFixture f = new EngineFixture();
        String keyId = f.newKey();
        f.encrypt(keyId, "very-secret-plaintext");

        String document = new String(f.storage.load().orElseThrow(), StandardCharsets.UTF_8);

        assertThat(document).doesNotContain("very-secret-plaintext").contains(keyId).contains("\"material\"");
    }
}
