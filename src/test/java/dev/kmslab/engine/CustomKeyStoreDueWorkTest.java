package dev.kmslab.engine;

import static dev.kmslab.engine.RegionsFixture.EAST;
import static dev.kmslab.engine.RegionsFixture.EU;
import static dev.kmslab.engine.RegionsFixture.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.DescribeCustomKeyStoresRequest;
import dev.kmslab.engine.model.ScheduleKeyDeletionRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Custom key store operations go through the same pipeline as every other operation: work that fell due in any
 * linked Region is applied first (they once applied only their own Region's).
 */
class CustomKeyStoreDueWorkTest {

    private final RegionsFixture f = new RegionsFixture();

    @Test
    void aCustomKeyStoreCall_appliesWorkDueInEveryLinkedRegion() {
        String keyId = f.in(EU).createKey(ROOT, CreateKeyRequest.symmetric()).keyMetadata().keyId();
        f.in(EU).scheduleKeyDeletion(ROOT, new ScheduleKeyDeletionRequest(keyId, 7));
        f.clock.advance(Duration.ofDays(8)); // time moves without a call: the deletion is due, not yet applied
        assertThat(f.in(EU).nextEvent()).isPresent();

        f.in(EAST).customKeyStores().describeCustomKeyStores(ROOT, DescribeCustomKeyStoresRequest.all());

        assertThat(f.in(EU).nextEvent()).isEmpty();
    }
}
