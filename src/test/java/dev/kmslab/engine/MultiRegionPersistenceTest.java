package dev.kmslab.engine;

import static dev.kmslab.engine.RegionsFixture.AP;
import static dev.kmslab.engine.RegionsFixture.EAST;
import static dev.kmslab.engine.RegionsFixture.EU;
import static dev.kmslab.engine.RegionsFixture.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.DescribeKeyRequest;
import dev.kmslab.engine.model.KeyState;
import dev.kmslab.engine.model.MultiRegionKeyType;
import dev.kmslab.engine.model.ReplicateKeyRequest;
import dev.kmslab.engine.model.ScheduleKeyDeletionRequest;
import dev.kmslab.engine.model.UpdatePrimaryRegionRequest;
import dev.kmslab.engine.store.SealedFileStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replicas, roles and IAM survive a restart; a keystore from before Regions opens as the default Region's. */
class MultiRegionPersistenceTest {

    private final RegionsFixture f = new RegionsFixture();

    @Test
    void replicasAndRoles_surviveARestart() {
        String keyId = f.replicatedMrk();
        f.in(EAST).replicateKey(ROOT, new ReplicateKeyRequest(keyId, AP));
        f.in(EAST).updatePrimaryRegion(ROOT, new UpdatePrimaryRegionRequest(keyId, AP));
        byte[] blob = f.encrypt(EU, keyId, "kept");

        f.reopen();

        assertThat(f.describe(AP, keyId).multiRegionConfiguration().multiRegionKeyType())
                .isEqualTo(MultiRegionKeyType.PRIMARY);
        assertThat(f.describe(EAST, keyId).multiRegionConfiguration().multiRegionKeyType())
                .isEqualTo(MultiRegionKeyType.REPLICA);
        assertThat(f.describe(EU, keyId).multiRegionConfiguration().replicaKeys()).hasSize(2);
        assertThat(f.decrypt(AP, blob)).isEqualTo("kept");
    }

    @Test
    void replicaDeletedWhileClosed_startsThePrimarysWindowAtTheNextOpen() {
        String keyId = f.replicatedMrk();
        f.in(EAST).scheduleKeyDeletion(ROOT, new ScheduleKeyDeletionRequest(keyId, 7));
        f.in(EU).scheduleKeyDeletion(ROOT, new ScheduleKeyDeletionRequest(keyId, 7));

        f.clock.advance(Duration.ofDays(8));
        f.reopen();

        assertThat(f.describe(EAST, keyId).keyState()).isEqualTo(KeyState.PendingDeletion);
        assertThat(f.describe(EAST, keyId).deletionDate()).isEqualTo(f.clock.now().plus(Duration.ofDays(7)));
    }

    @Test
    void iam_isSharedByEveryRegion_andSurvivesARestart() {
        f.in(EU).principals().createUser(EngineConfig.DEFAULT_ACCOUNT, "alice");

        assertThat(f.in(EAST).principals().users(EngineConfig.DEFAULT_ACCOUNT)).hasSize(1);
        f.reopen();
        assertThat(f.in(AP).principals().users(EngineConfig.DEFAULT_ACCOUNT)).hasSize(1);
    }

    @Test
    void defaultRegionStartingEmpty_doesNotWipeTheIamOfTheOthers() {
        f.in(EAST).principals().createRole(EngineConfig.DEFAULT_ACCOUNT, "App");
        f.storages.put(EAST, new dev.kmslab.engine.store.InMemoryKeystoreStorage()); // as if moved aside

        f.reopen();

        assertThat(f.in(EAST).principals().roles(EngineConfig.DEFAULT_ACCOUNT)).hasSize(1);
        assertThat(f.in(EU).principals().roles(EngineConfig.DEFAULT_ACCOUNT)).hasSize(1);
    }

    @Test
    void keystoreFromBeforeRegions_opensAsTheDefaultRegion(@TempDir Path dir) throws Exception {
        SimulatedClock clock = new SimulatedClock(EngineFixture.START);
        EngineConfig base = EngineConfig.defaults().withClock(clock);
        String keyId;
        try (SealedFileStorage old = SealedFileStorage.withKeyFile(dir, Clock.systemUTC())) {
            keyId = KmsEngine.open(base.withStorage(old)).createKey(ROOT, CreateKeyRequest.symmetric())
                    .keyMetadata().keyId();
        }

        KmsRegions regions = KmsRegions.open(base, KmsRegions.LAB_REGIONS, region -> SealedFileStorage.withKeyFile(
                dir, KmsRegions.keystoreFileName(region, EAST), Clock.systemUTC()));
        String mrk = regions.engine(EAST).createKey(ROOT, CreateKeyRequest.symmetric().withMultiRegion(true))
                .keyMetadata().keyId();
        regions.engine(EAST).replicateKey(ROOT, new ReplicateKeyRequest(mrk, EU));

        assertThat(regions.engine(EAST).describeKey(ROOT, new DescribeKeyRequest(keyId)).keyMetadata().keyId())
                .isEqualTo(keyId);
        assertThat(Files.exists(dir.resolve("keystore.json"))).isTrue();
        assertThat(Files.exists(dir.resolve("keystore-eu-west-1.json"))).isTrue();
        KmsRegions reopened = KmsRegions.open(base, KmsRegions.LAB_REGIONS, region -> SealedFileStorage
                .withKeyFile(dir, KmsRegions.keystoreFileName(region, EAST), Clock.systemUTC()));
        assertThat(reopened.engine(EU).describeKey(ROOT, new DescribeKeyRequest(mrk)).keyMetadata()
                .multiRegionConfiguration().multiRegionKeyType()).isEqualTo(MultiRegionKeyType.REPLICA);
    }
}
