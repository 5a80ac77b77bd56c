package dev.kmslab.engine;

import static dev.kmslab.engine.RegionsFixture.AP;
import static dev.kmslab.engine.RegionsFixture.EAST;
import static dev.kmslab.engine.RegionsFixture.EU;
import static dev.kmslab.engine.RegionsFixture.ROOT;
import static dev.kmslab.engine.RegionsFixture.arn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.kmslab.engine.core.KeyStateTable;
import dev.kmslab.engine.core.KeyStateTable.Verdict;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.DisableKeyRequest;
import dev.kmslab.engine.model.KeyState;
import dev.kmslab.engine.model.OriginType;
import dev.kmslab.engine.model.ReplicateKeyRequest;
import dev.kmslab.engine.model.ScheduleKeyDeletionRequest;
import dev.kmslab.engine.model.UpdatePrimaryRegionRequest;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The key-state table's ReplicateKey and UpdatePrimaryRegion rows, driven on real related keys. */
class MultiRegionKeyStateTableTest {

    static final Set<KmsOperation> OPERATIONS = Set.of(KmsOperation.ReplicateKey, KmsOperation.UpdatePrimaryRegion);

    static Stream<Arguments> primaryStates() {
        return Stream.of(KeyState.Enabled, KeyState.Disabled, KeyState.PendingDeletion,
                KeyState.PendingReplicaDeletion, KeyState.PendingImport).flatMap(state -> OPERATIONS.stream()
                .map(op -> Arguments.of(op, state)));
    }

    @ParameterizedTest(name = "{0} with the primary {1}")
    @MethodSource("primaryStates")
    void primaryState_decides_asTheTableSays(KmsOperation op, KeyState state) {
        RegionsFixture f = new RegionsFixture();
        if (op == KmsOperation.UpdatePrimaryRegion && state == KeyState.PendingDeletion) {
            return; // a primary with a replica cannot be PendingDeletion; it waits in PendingReplicaDeletion
        }
        // UpdatePrimaryRegion needs a replica to promote; PendingReplicaDeletion needs one to wait for.
        boolean withReplica = op == KmsOperation.UpdatePrimaryRegion || state == KeyState.PendingReplicaDeletion;
        String keyId = primaryIn(f, state, withReplica);
        assertThat(f.describe(EAST, keyId).keyState()).isEqualTo(state);

        Throwable thrown = catchThrowable(() -> call(f, op, keyId));

        expect(thrown, KeyStateTable.verdict(op, state), arn(EAST, keyId), state);
    }

    @Test
    void updatePrimaryRegion_needsTheReplicaEnabledToo() {
        for (KeyState state : new KeyState[] {KeyState.Disabled, KeyState.PendingDeletion}) {
            RegionsFixture f = new RegionsFixture();
            String keyId = f.replicatedMrk();
            if (state == KeyState.Disabled) {
                f.in(EU).disableKey(ROOT, new DisableKeyRequest(keyId));
            } else {
                f.in(EU).scheduleKeyDeletion(ROOT, new ScheduleKeyDeletionRequest(keyId, 7));
            }

            Throwable thrown = catchThrowable(() -> call(f, KmsOperation.UpdatePrimaryRegion, keyId));

            expect(thrown, KeyStateTable.verdict(KmsOperation.UpdatePrimaryRegion, state), arn(EU, keyId), state);
        }
    }

    /** An mrk in us-east-1 in the wanted state (PendingReplicaDeletion needs a replica, kept in eu-west-1). */
    private static String primaryIn(RegionsFixture f, KeyState state, boolean withReplica) {
        String keyId = state == KeyState.PendingImport ? f.in(EAST).createKey(ROOT, new CreateKeyRequest(null, null,
                null, OriginType.EXTERNAL, null, true)).keyMetadata().keyId() : f.newMrk();
        if (withReplica) {
            f.in(EAST).replicateKey(ROOT, new ReplicateKeyRequest(keyId, EU));
        }
        if (state == KeyState.Disabled) {
            f.in(EAST).disableKey(ROOT, new DisableKeyRequest(keyId));
        } else if (state == KeyState.PendingDeletion || state == KeyState.PendingReplicaDeletion) {
            f.in(EAST).scheduleKeyDeletion(ROOT, new ScheduleKeyDeletionRequest(keyId, 7));
        }
        return keyId;
    }

    private static void call(RegionsFixture f, KmsOperation op, String keyId) {
        if (op == KmsOperation.ReplicateKey) {
            f.in(EAST).replicateKey(ROOT, new ReplicateKeyRequest(keyId, AP));
        } else {
            f.in(EAST).updatePrimaryRegion(ROOT, new UpdatePrimaryRegionRequest(keyId, EU));
        }
    }

    private static void expect(Throwable thrown, Verdict verdict, String arn, KeyState state) {
        if (verdict == Verdict.ALLOWED) {
            assertThat(thrown).isNull();
        } else {
            Throwable want = verdict.toException(arn, state);
            assertThat(thrown).isInstanceOf(want.getClass()).hasMessage(want.getMessage());
        }
    }
}
