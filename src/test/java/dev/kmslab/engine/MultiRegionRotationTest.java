package dev.kmslab.engine;

import static dev.kmslab.engine.RegionsFixture.EAST;
import static dev.kmslab.engine.RegionsFixture.EU;
import static dev.kmslab.engine.RegionsFixture.ROOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.error.UnsupportedOperationException;
import dev.kmslab.engine.model.DisableKeyRotationRequest;
import dev.kmslab.engine.model.EnableKeyRotationRequest;
import dev.kmslab.engine.model.GetKeyRotationStatusRequest;
import dev.kmslab.engine.model.GetKeyRotationStatusResult;
import dev.kmslab.engine.model.ListKeyRotationsRequest;
import dev.kmslab.engine.model.RotateKeyOnDemandRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Rotation is shared: set and performed on the primary, and every new backing key reaches the replicas. */
class MultiRegionRotationTest {

    private final RegionsFixture f = new RegionsFixture();

    @Test
    void onDemandRotation_ofThePrimary_reachesTheReplica() {
        String keyId = f.replicatedMrk();
        byte[] before = f.encrypt(EAST, keyId, "version one");

        f.in(EAST).rotateKeyOnDemand(ROOT, new RotateKeyOnDemandRequest(keyId));
        byte[] after = f.encrypt(EAST, keyId, "version two");

        assertThat(f.decrypt(EU, before)).isEqualTo("version one");
        assertThat(f.decrypt(EU, after)).isEqualTo("version two");
        assertThat(f.describe(EU, keyId).currentKeyMaterialId()).isEqualTo(f.describe(EAST, keyId)
                .currentKeyMaterialId());
        assertThat(f.in(EU).listKeyRotations(ROOT, new ListKeyRotationsRequest(keyId, null, null)).rotations()).hasSize(1);
    }

    @Test
    void automaticRotation_ofThePrimary_reachesTheReplica_whateverRegionMovesTheClock() {
        String keyId = f.replicatedMrk();
        f.in(EAST).enableKeyRotation(ROOT, new EnableKeyRotationRequest(keyId, 90));

        f.in(EU).advanceClock(Duration.ofDays(91));

        assertThat(f.in(EU).listKeyRotations(ROOT, new ListKeyRotationsRequest(keyId, null, null)).rotations()).hasSize(1);
        assertThat(f.decrypt(EAST, f.encrypt(EU, keyId, "rotated"))).isEqualTo("rotated");
        assertThat(f.describe(EU, keyId).currentKeyMaterialId()).isEqualTo(f.describe(EAST, keyId)
                .currentKeyMaterialId());
    }

    @Test
    void replica_reportsThePrimarysSchedule_butCannotChangeOrRotateIt() {
        String keyId = f.replicatedMrk();
        f.in(EAST).enableKeyRotation(ROOT, new EnableKeyRotationRequest(keyId, 180));

        GetKeyRotationStatusResult status = f.in(EU).getKeyRotationStatus(ROOT,
                new GetKeyRotationStatusRequest(keyId));

        assertThat(status.keyRotationEnabled()).isTrue();
        assertThat(status.rotationPeriodInDays()).isEqualTo(180);
        assertThat(status.keyId()).isEqualTo(RegionsFixture.arn(EU, keyId));
        assertThatThrownBy(() -> f.in(EU).rotateKeyOnDemand(ROOT, new RotateKeyOnDemandRequest(keyId)))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("replica key");
        assertThatThrownBy(() -> f.in(EU).disableKeyRotation(ROOT, new DisableKeyRotationRequest(keyId)))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> f.in(EU).enableKeyRotation(ROOT, new EnableKeyRotationRequest(keyId, 90)))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
