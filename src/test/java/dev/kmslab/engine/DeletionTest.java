package dev.kmslab.engine;

import static dev.kmslab.engine.EngineFixture.ROOT;
import static dev.kmslab.engine.EngineFixture.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.audit.AuditQuery;
import dev.kmslab.engine.error.KMSInvalidStateException;
import dev.kmslab.engine.error.NotFoundException;
import dev.kmslab.engine.model.CancelKeyDeletionRequest;
import dev.kmslab.engine.model.CreateAliasRequest;
import dev.kmslab.engine.model.DescribeKeyRequest;
import dev.kmslab.engine.model.EnableKeyRotationRequest;
import dev.kmslab.engine.model.GetKeyRotationStatusRequest;
import dev.kmslab.engine.model.KeyMetadata;
import dev.kmslab.engine.model.KeyState;
import dev.kmslab.engine.model.ListAliasesRequest;
import dev.kmslab.engine.model.ListKeysRequest;
import dev.kmslab.engine.model.ScheduleKeyDeletionRequest;
import dev.kmslab.engine.model.ScheduleKeyDeletionResult;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeletionTest {

    private final EngineFixture f = new EngineFixture();
    private final String keyId = f.newKey();

    @Test
    void schedule_defaultsTo30Days() {
        ScheduleKeyDeletionResult result = f.engine.scheduleKeyDeletion(ROOT, new ScheduleKeyDeletionRequest(keyId,
                null));

        assertThat(result.keyId()).isEqualTo(f.arn(keyId));
        assertThat(result.pendingWindowInDays()).isEqualTo(30);
        assertThat(result.deletionDate()).isEqualTo(START.plus(Duration.ofDays(30)));
        assertThat(result.keyState()).isEqualTo(KeyState.PendingDeletion);
        KeyMetadata meta = f.engine.describeKey(ROOT, new DescribeKeyRequest(keyId)).keyMetadata();
        assertThat(meta.deletionDate()).isEqualTo(result.deletionDate());
        assertThat(meta.pendingDeletionWindowInDays()).isEqualTo(30);
    }

    @Test
    void afterSevenDays_keyAndMaterialAreGone_andItsCiphertextsCannotBeDecrypted() {
        byte[] blob = f.encrypt(keyId, "doomed");
        f.engine.createAlias(ROOT, new CreateAliasRequest("alias/doomed", keyId));
        f.engine.scheduleKeyDeletion(ROOT, new ScheduleKeyDeletionRequest(keyId, 7));

        f.engine.advanceClock(Duration.ofDays(6));
        assertThatThrownBy(() -> f.decrypt(blob)).isInstanceOf(KMSInvalidStateException.class)
                .hasMessage(f.arn(keyId) + " is pending deletion.");
        f.engine.advanceClock(Duration.ofDays(1));

        assertThatThrownBy(() -> f.decrypt(blob)).isInstanceOf(NotFoundException.class)
                .hasMessage("Key '" + f.arn(keyId) + "' does not exist");
        assertThatThrownBy(() -> f.engine.describeKey(ROOT, new DescribeKeyRequest(keyId)))
                .isInstanceOf(NotFoundException.class);
        assertThat(f.engine.listKeys(ROOT, ListKeysRequest.firstPage()).keys()).isEmpty();
        assertThat(f.engine.listAliases(ROOT, ListAliasesRequest.all()).aliases()).isEmpty();
        assertThat(f.audit.query(AuditQuery.all().forEvent("DeleteKey").forKey(f.arn(keyId))))
                .singleElement().satisfies(e -> assertThat(e.eventTime()).isEqualTo(START.plus(Duration.ofDays(7))));
    }

    @Test
    void cancel_returnsKeyToDisabled_andRestoresRotationStatus() {
        f.engine.enableKeyRotation(ROOT, new EnableKeyRotationRequest(keyId, null));
        f.engine.scheduleKeyDeletion(ROOT, new ScheduleKeyDeletionRequest(keyId, 7));
        assertThat(f.engine.getKeyRotationStatus(ROOT, new GetKeyRotationStatusRequest(keyId)).keyRotationEnabled())
                .isFalse();

        f.engine.cancelKeyDeletion(ROOT, new CancelKeyDeletionRequest(keyId));
        f.engine.advanceClock(Duration.ofDays(8));

        KeyMetadata meta = f.engine.describeKey(ROOT, new DescribeKeyRequest(keyId)).keyMetadata();
        assertThat(meta.keyState()).isEqualTo(KeyState.Disabled);
        assertThat(meta.deletionDate()).isNull();
        assertThat(f.engine.getKeyRotationStatus(ROOT, new GetKeyRotationStatusRequest(keyId)).keyRotationEnabled())
                .isTrue();
    }

    @Test
    void deletionDueWhileStopped_isAppliedOnNextCall() {
        f.engine.scheduleKeyDeletion(ROOT, new ScheduleKeyDeletionRequest(keyId, 7));
        f.clock.advance(Duration.ofDays(10));

        assertThatThrownBy(() -> f.engine.describeKey(ROOT, new DescribeKeyRequest(keyId)))
                .isInstanceOf(NotFoundException.class);
        assertThat(f.audit.query(AuditQuery.all().forEvent("DeleteKey"))).singleElement()
                .satisfies(e -> assertThat(e.eventTime()).isEqualTo(START.plus(Duration.ofDays(7))));
    }
}
