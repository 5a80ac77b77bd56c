package dev.kmslab.engine;

import static dev.kmslab.engine.RegionsFixture.AP;
import static dev.kmslab.engine.RegionsFixture.EAST;
import static dev.kmslab.engine.RegionsFixture.EU;
import static dev.kmslab.engine.RegionsFixture.ROOT;
import static dev.kmslab.engine.RegionsFixture.arn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.error.DisabledException;
import dev.kmslab.engine.error.NotFoundException;
import dev.kmslab.engine.error.UnsupportedOperationException;
import dev.kmslab.engine.model.DisableKeyRequest;
import dev.kmslab.engine.model.EnableKeyRotationRequest;
import dev.kmslab.engine.model.GetKeyRotationStatusRequest;
import dev.kmslab.engine.model.MultiRegionKey;
import dev.kmslab.engine.model.MultiRegionKeyType;
import dev.kmslab.engine.model.ReplicateKeyRequest;
import dev.kmslab.engine.model.RotateKeyOnDemandRequest;
import dev.kmslab.engine.model.UpdatePrimaryRegionRequest;
import org.junit.jupiter.api.Test;

/** UpdatePrimaryRegion swaps the roles of the primary and one replica; the others follow the new primary. */
class UpdatePrimaryRegionTest {

    private final RegionsFixture f = new RegionsFixture();

    @Test
    void replica_becomesPrimary_andThePrimaryBecomesAReplica() {
        String keyId = f.replicatedMrk();
        f.in(EAST).replicateKey(ROOT, new ReplicateKeyRequest(keyId, AP));

        f.in(EAST).updatePrimaryRegion(ROOT, new UpdatePrimaryRegionRequest(keyId, EU));

        for (String region : new String[] {EAST, EU, AP}) {
            assertThat(f.describe(region, keyId).multiRegionConfiguration().primaryKey())
                    .isEqualTo(new MultiRegionKey(arn(EU, keyId), EU));
            assertThat(f.describe(region, keyId).multiRegionConfiguration().replicaKeys())
                    .extracting(MultiRegionKey::region).containsExactly(AP, EAST);
        }
        assertThat(f.describe(EU, keyId).multiRegionConfiguration().multiRegionKeyType())
                .isEqualTo(MultiRegionKeyType.PRIMARY);
        assertThat(f.describe(EAST, keyId).multiRegionConfiguration().multiRegionKeyType())
                .isEqualTo(MultiRegionKeyType.REPLICA);
    }

    @Test
    void newPrimary_replicatesAndRotates_andTheOldOneNoLongerCan() {
        String keyId = f.replicatedMrk();
        f.in(EAST).enableKeyRotation(ROOT, new EnableKeyRotationRequest(keyId, 200));

        f.in(EAST).updatePrimaryRegion(ROOT, new UpdatePrimaryRegionRequest(keyId, EU));

        assertThat(f.in(EU).getKeyRotationStatus(ROOT, new GetKeyRotationStatusRequest(keyId))
                .rotationPeriodInDays()).isEqualTo(200);
        assertThat(f.in(EAST).getKeyRotationStatus(ROOT, new GetKeyRotationStatusRequest(keyId))
                .rotationPeriodInDays()).isEqualTo(200);
        assertThatThrownBy(() -> f.in(EAST).replicateKey(ROOT, new ReplicateKeyRequest(keyId, AP)))
                .isInstanceOf(UnsupportedOperationException.class);
        f.in(EU).replicateKey(ROOT, new ReplicateKeyRequest(keyId, AP));
        f.in(EU).rotateKeyOnDemand(ROOT, new RotateKeyOnDemandRequest(keyId));
        assertThat(f.decrypt(EAST, f.encrypt(AP, keyId, "after the move"))).isEqualTo("after the move");
    }

    @Test
    void refusals_areTheAwsErrors() {
        String keyId = f.replicatedMrk();

        assertThatThrownBy(() -> f.in(EAST).updatePrimaryRegion(ROOT, new UpdatePrimaryRegionRequest(keyId, AP)))
                .isInstanceOf(NotFoundException.class).hasMessage("Key '" + arn(AP, keyId) + "' does not exist");
        assertThatThrownBy(() -> f.in(EU).updatePrimaryRegion(ROOT, new UpdatePrimaryRegionRequest(keyId, EAST)))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("replica key");
        f.in(EU).disableKey(ROOT, new DisableKeyRequest(keyId));
        assertThatThrownBy(() -> f.in(EAST).updatePrimaryRegion(ROOT, new UpdatePrimaryRegionRequest(keyId, EU)))
                .isInstanceOf(DisabledException.class).hasMessage(arn(EU, keyId) + " is disabled.");
        assertThat(f.describe(EAST, keyId).multiRegionConfiguration().multiRegionKeyType())
                .isEqualTo(MultiRegionKeyType.PRIMARY);
    }
}
