package dev.kmslab.engine;

import static dev.kmslab.engine.EngineFixture.ROOT;
import static dev.kmslab.engine.EngineFixture.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.audit.AuditEvent;
import dev.kmslab.engine.audit.AuditQuery;
import dev.kmslab.engine.error.LimitExceededException;
import dev.kmslab.engine.model.CreateAliasRequest;
import dev.kmslab.engine.model.DescribeKeyRequest;
import dev.kmslab.engine.model.DisableKeyRequest;
import dev.kmslab.engine.model.DisableKeyRotationRequest;
import dev.kmslab.engine.model.EnableKeyRequest;
import dev.kmslab.engine.model.EnableKeyRotationRequest;
import dev.kmslab.engine.model.GetKeyRotationStatusRequest;
import dev.kmslab.engine.model.GetKeyRotationStatusResult;
import dev.kmslab.engine.model.KeyMaterialState;
import dev.kmslab.engine.model.ListKeyRotationsRequest;
import dev.kmslab.engine.model.ListKeyRotationsResult;
import dev.kmslab.engine.model.RotateKeyOnDemandRequest;
import dev.kmslab.engine.model.RotationType;
import dev.kmslab.engine.model.RotationsListEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Encrypt under backing keys 1–4, by automatic and on-demand rotation; everything still decrypts. */
class RotationTest {

    private final EngineFixture f = new EngineFixture();
    private final String keyId = f.newKey();

    @Test
    void automaticRotation_byAdvancingTheClock_versions1to4AllDecrypt() {
        f.engine.createAlias(ROOT, new CreateAliasRequest("alias/rotating", keyId));
        f.engine.enableKeyRotation(ROOT, new EnableKeyRotationRequest(keyId, 90));
        List<byte[]> blobs = new ArrayList<>();
        List<String> materialIds = new ArrayList<>();
        for (int version = 1; version <= 4; version++) {
            blobs.add(f.encrypt("alias/rotating", "v" + version));
            materialIds.add(f.engine.describeKey(ROOT, new DescribeKeyRequest(keyId)).keyMetadata()
                    .currentKeyMaterialId());
            if (version < 4) {
                f.engine.advanceClock(Duration.ofDays(90));
            }
        }

        for (int i = 0; i < 4; i++) {
            assertThat(f.decrypt(blobs.get(i))).isEqualTo("v" + (i + 1));
        }
        assertThat(materialIds).doesNotHaveDuplicates();
        assertThat(f.engine.describeKey(ROOT, new DescribeKeyRequest("alias/rotating")).keyMetadata().keyId())
                .isEqualTo(keyId);
        ListKeyRotationsResult rotations = f.engine.listKeyRotations(ROOT, new ListKeyRotationsRequest(keyId, null,
                null));
        assertThat(rotations.rotations()).containsExactly(
                rotated(materialIds.get(1), 90, KeyMaterialState.NON_CURRENT),
                rotated(materialIds.get(2), 180, KeyMaterialState.NON_CURRENT),
                rotated(materialIds.get(3), 270, KeyMaterialState.CURRENT));
        assertThat(rotations.truncated()).isFalse();
    }

    @Test
    void oneLongJump_appliesEachDueRotationAtItsOwnInstant() {
        f.engine.enableKeyRotation(ROOT, new EnableKeyRotationRequest(keyId, 100));

        List<ScheduledEvent> applied = f.engine.advanceClock(Duration.ofDays(350));

        assertThat(applied).extracting(ScheduledEvent::at).containsExactly(START.plus(Duration.ofDays(100)),
                START.plus(Duration.ofDays(200)), START.plus(Duration.ofDays(300)));
        assertThat(f.audit.query(AuditQuery.all().forEvent("RotateKey"))).extracting(AuditEvent::eventTime)
                .containsExactly(START.plus(Duration.ofDays(100)), START.plus(Duration.ofDays(200)),
                        START.plus(Duration.ofDays(300)));
        assertThat(f.engine.now()).isEqualTo(START.plus(Duration.ofDays(350)));
        GetKeyRotationStatusResult status = f.engine.getKeyRotationStatus(ROOT,
                new GetKeyRotationStatusRequest(keyId));
        assertThat(status.keyRotationEnabled()).isTrue();
        assertThat(status.rotationPeriodInDays()).isEqualTo(100);
        assertThat(status.nextRotationDate()).isEqualTo(START.plus(Duration.ofDays(400)));
    }

    @Test
    void advanceToNextEvent_jumpsExactlyToTheRotation() {
        f.engine.enableKeyRotation(ROOT, new EnableKeyRotationRequest(keyId, null));
        Instant due = START.plus(Duration.ofDays(365));

        assertThat(f.engine.nextEvent()).contains(new ScheduledEvent(due, f.arn(keyId), "RotateKey"));
        assertThat(f.engine.advanceToNextEvent()).containsExactly(new ScheduledEvent(due, f.arn(keyId),
                "RotateKey"));
        assertThat(f.engine.now()).isEqualTo(due);
    }

    @Test
    void onDemandRotation_versions1to4AllDecrypt_andListIsExact() {
        List<byte[]> blobs = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        for (int version = 1; version <= 4; version++) {
            blobs.add(f.encrypt(keyId, "v" + version));
            if (version < 4) {
                f.clock.advance(Duration.ofHours(1));
                times.add(f.engine.now());
                assertThat(f.engine.rotateKeyOnDemand(ROOT, new RotateKeyOnDemandRequest(keyId)).keyId())
                        .isEqualTo(keyId);
            }
        }

        for (int i = 0; i < 4; i++) {
            assertThat(f.decrypt(blobs.get(i))).isEqualTo("v" + (i + 1));
        }
        assertThat(f.engine.listKeyRotations(ROOT, new ListKeyRotationsRequest(keyId, null, null)).rotations())
                .extracting(RotationsListEntry::rotationDate, RotationsListEntry::rotationType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(times.get(0), RotationType.ON_DEMAND),
                        org.assertj.core.groups.Tuple.tuple(times.get(1), RotationType.ON_DEMAND),
                        org.assertj.core.groups.Tuple.tuple(times.get(2), RotationType.ON_DEMAND));
    }

    @Test
    void onDemandRotation_limitedTo25PerKey() {
        for (int i = 0; i < 25; i++) {
            f.engine.rotateKeyOnDemand(ROOT, new RotateKeyOnDemandRequest(keyId));
        }

        assertThatThrownBy(() -> f.engine.rotateKeyOnDemand(ROOT, new RotateKeyOnDemandRequest(keyId)))
                .isInstanceOf(LimitExceededException.class);
    }

    @Test
    void listKeyRotations_pages() {
        for (int i = 0; i < 3; i++) {
            f.engine.rotateKeyOnDemand(ROOT, new RotateKeyOnDemandRequest(keyId));
        }
        ListKeyRotationsResult first = f.engine.listKeyRotations(ROOT, new ListKeyRotationsRequest(keyId, 2, null));
        ListKeyRotationsResult second = f.engine.listKeyRotations(ROOT, new ListKeyRotationsRequest(keyId, 2,
                first.nextMarker()));

        assertThat(first.rotations()).hasSize(2);
        assertThat(first.truncated()).isTrue();
        assertThat(second.rotations()).hasSize(1);
        assertThat(second.truncated()).isFalse();
    }

    @Test
    void disabledKey_isNotRotated_untilEnabledAgain() {
        f.engine.enableKeyRotation(ROOT, new EnableKeyRotationRequest(keyId, 90));
        f.engine.disableKey(ROOT, new DisableKeyRequest(keyId));

        assertThat(f.engine.advanceClock(Duration.ofDays(200))).isEmpty();
        f.engine.enableKey(ROOT, new EnableKeyRequest(keyId));
        f.engine.describeKey(ROOT, new DescribeKeyRequest(keyId));

        List<RotationsListEntry> rotations = f.engine.listKeyRotations(ROOT, new ListKeyRotationsRequest(keyId, null,
                null)).rotations();
        assertThat(rotations).extracting(RotationsListEntry::rotationDate)
                .containsExactly(START.plus(Duration.ofDays(200)));
    }

    @Test
    void disablingRotation_stopsTheSchedule() {
        f.engine.enableKeyRotation(ROOT, new EnableKeyRotationRequest(keyId, 90));
        f.engine.disableKeyRotation(ROOT, new DisableKeyRotationRequest(keyId));

        assertThat(f.engine.advanceClock(Duration.ofDays(1000))).isEmpty();
        assertThat(f.engine.getKeyRotationStatus(ROOT, new GetKeyRotationStatusRequest(keyId)).keyRotationEnabled())
                .isFalse();
        assertThat(f.engine.nextEvent()).isEmpty();
    }

    /** A generated key's rotation as ListKeyRotations shows it: no import fields. */
    private RotationsListEntry rotated(String materialId, int day, KeyMaterialState state) {
        return new RotationsListEntry(keyId, materialId, START.plus(Duration.ofDays(day)), RotationType.AUTOMATIC,
                state, null, null, null, null);
    }
}
