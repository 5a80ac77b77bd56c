package dev.kmslab.engine;

import static dev.kmslab.engine.RegionsFixture.AP;
import static dev.kmslab.engine.RegionsFixture.EAST;
import static dev.kmslab.engine.RegionsFixture.EU;
import static dev.kmslab.engine.RegionsFixture.ROOT;
import static dev.kmslab.engine.RegionsFixture.arn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.error.KMSInvalidStateException;
import dev.kmslab.engine.error.NotFoundException;
import dev.kmslab.engine.model.CancelKeyDeletionRequest;
import dev.kmslab.engine.model.KeyMetadata;
import dev.kmslab.engine.model.KeyState;
import dev.kmslab.engine.model.ReplicateKeyRequest;
import dev.kmslab.engine.model.ScheduleKeyDeletionRequest;
import dev.kmslab.engine.model.ScheduleKeyDeletionResult;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Deletion as the AWS developer guide (multi-region-keys-delete) and ScheduleKeyDeletion reference describe it: a
 * primary with replicas waits in PendingReplicaDeletion, with no deletion date, until the last replica is deleted;
 * then its own waiting period starts. Replicas are deleted on their own schedule.
 */
class MultiRegionDeletionTest {

    private final RegionsFixture f = new RegionsFixture();

    @Test
    void primaryWithReplicas_waitsForThem_thenItsOwnWindowStarts() {
        String keyId = f.replicatedMrk();
        f.in(EAST).replicateKey(ROOT, new ReplicateKeyRequest(keyId, AP));

        ScheduleKeyDeletionResult scheduled = f.in(EAST).scheduleKeyDeletion(ROOT,
                new ScheduleKeyDeletionRequest(keyId, 10));

        assertThat(scheduled.keyState()).isEqualTo(KeyState.PendingReplicaDeletion);
        assertThat(scheduled.deletionDate()).isNull();
        assertThat(scheduled.pendingWindowInDays()).isEqualTo(10);
        KeyMetadata waiting = f.describe(EAST, keyId);
        assertThat(waiting.keyState()).isEqualTo(KeyState.PendingReplicaDeletion);
        assertThat(waiting.deletionDate()).isNull();
        assertThat(waiting.pendingDeletionWindowInDays()).isEqualTo(10);

        f.in(EU).scheduleKeyDeletion(ROOT, new ScheduleKeyDeletionRequest(keyId, 7));
        f.in(AP).scheduleKeyDeletion(ROOT, new ScheduleKeyDeletionRequest(keyId, 20));
        f.in(EAST).advanceClock(Duration.ofDays(8));
        assertThat(f.describe(EAST, keyId).keyState()).isEqualTo(KeyState.PendingReplicaDeletion);
        assertThat(f.describe(EAST, keyId).multiRegionConfiguration().replicaKeys()).hasSize(1);

        f.in(EAST).advanceClock(Duration.ofDays(13));
        Instant lastReplicaGone = EngineFixture.START.plus(Duration.ofDays(20));
        KeyMetadata pending = f.describe(EAST, keyId);
        assertThat(pending.keyState()).isEqualTo(KeyState.PendingDeletion);
        assertThat(pending.deletionDate()).isEqualTo(lastReplicaGone.plus(Duration.ofDays(10)));

        f.in(EAST).advanceClock(Duration.ofDays(10));
        assertThatThrownBy(() -> f.describe(EAST, keyId)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void primaryPendingReplicaDeletion_cannotBeUsed_butCanBeCancelled() {
        String keyId = f.replicatedMrk();
        f.in(EAST).scheduleKeyDeletion(ROOT, new ScheduleKeyDeletionRequest(keyId, 7));

        assertThatThrownBy(() -> f.encrypt(EAST, keyId, "x")).isInstanceOf(KMSInvalidStateException.class)
                .hasMessage(arn(EAST, keyId) + " is pending replica deletion.");
        assertThatThrownBy(() -> f.in(EAST).replicateKey(ROOT, new ReplicateKeyRequest(keyId, AP)))
                .isInstanceOf(KMSInvalidStateException.class);
        assertThat(f.decrypt(EU, f.encrypt(EU, keyId, "the replica still works"))).isEqualTo(
                "the replica still works");

        f.in(EAST).cancelKeyDeletion(ROOT, new CancelKeyDeletionRequest(keyId));
        assertThat(f.describe(EAST, keyId).keyState()).isEqualTo(KeyState.Disabled);
        assertThat(f.describe(EAST, keyId).pendingDeletionWindowInDays()).isNull();
    }

    @Test
    void replica_isDeletedIndependently_andThePrimaryKeepsWorking() {
        String keyId = f.replicatedMrk();
        byte[] blob = f.encrypt(EU, keyId, "survives");

        f.in(EU).scheduleKeyDeletion(ROOT, new ScheduleKeyDeletionRequest(keyId, 7));
        assertThat(f.describe(EU, keyId).keyState()).isEqualTo(KeyState.PendingDeletion);
        f.in(EU).advanceClock(Duration.ofDays(7));

        assertThat(f.decrypt(EAST, blob)).isEqualTo("survives");
        assertThat(f.describe(EAST, keyId).multiRegionConfiguration().replicaKeys()).isEmpty();
        f.in(EAST).replicateKey(ROOT, new ReplicateKeyRequest(keyId, EU));
        assertThat(f.decrypt(EU, blob)).isEqualTo("survives");
    }

    @Test
    void primaryWithoutReplicas_isScheduledAsAnyKey() {
        String keyId = f.newMrk();

        ScheduleKeyDeletionResult scheduled = f.in(EAST).scheduleKeyDeletion(ROOT,
                new ScheduleKeyDeletionRequest(keyId, 7));

        assertThat(scheduled.keyState()).isEqualTo(KeyState.PendingDeletion);
        assertThat(scheduled.deletionDate()).isEqualTo(EngineFixture.START.plus(Duration.ofDays(7)));
    }
}
