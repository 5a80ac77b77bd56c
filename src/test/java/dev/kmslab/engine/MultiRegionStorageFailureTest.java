package dev.kmslab.engine;

import static dev.kmslab.engine.RegionsFixture.EAST;
import static dev.kmslab.engine.RegionsFixture.EU;
import static dev.kmslab.engine.RegionsFixture.ROOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.error.KMSInternalException;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.MultiRegionKeyType;
import dev.kmslab.engine.model.ReplicateKeyRequest;
import dev.kmslab.engine.model.UpdatePrimaryRegionRequest;
import dev.kmslab.engine.store.InMemoryKeystoreStorage;
import dev.kmslab.engine.store.KeystoreStorage;
import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A Region whose keystore cannot be saved leaves every Region as it was. */
class MultiRegionStorageFailureTest {

    /** Storage that fails every save while {@code failing} is set. */
    private static final class Switchable implements KeystoreStorage {
        private final InMemoryKeystoreStorage inner = new InMemoryKeystoreStorage();
        volatile boolean failing;

        @Override
        public Optional<byte[]> load() throws IOException {
            return inner.load();
        }

        @Override
        public void save(byte[] document) throws IOException {
            if (failing) {
                throw new IOException("disk full");
            }
            inner.save(document);
        }
    }

    private final Switchable eastStorage = new Switchable();
    private final Switchable euStorage = new Switchable();
    private final KmsRegions regions = open();

    private KmsRegions open() {
        try {
            return KmsRegions.open(EngineConfig.defaults().withClock(new SimulatedClock(EngineFixture.START)),
                    java.util.List.of(EAST, EU), region -> EAST.equals(region) ? eastStorage : euStorage);
        } catch (IOException | dev.kmslab.engine.store.KeystoreCorruptException e) {
            throw new IllegalStateException(e);
        }
    }

    private MultiRegionKeyType role(String region, String keyId) {
        return regions.engine(region).describeKey(ROOT, new dev.kmslab.engine.model.DescribeKeyRequest(keyId))
                .keyMetadata().multiRegionConfiguration().multiRegionKeyType();
    }

    @Test
    void replicaRegionFailingToSave_leavesNoReplica() {
        String keyId = regions.engine(EAST).createKey(ROOT, CreateKeyRequest.symmetric().withMultiRegion(true))
                .keyMetadata().keyId();
        euStorage.failing = true;

        assertThatThrownBy(() -> regions.engine(EAST).replicateKey(ROOT, new ReplicateKeyRequest(keyId, EU)))
                .isInstanceOf(KMSInternalException.class);
        assertThat(regions.engine(EU).core().store.current().keys()).doesNotContainKey(keyId);
    }

    @Test
    void oldPrimaryFailingToSave_undoesThePromotion() {
        String keyId = regions.engine(EAST).createKey(ROOT, CreateKeyRequest.symmetric().withMultiRegion(true))
                .keyMetadata().keyId();
        regions.engine(EAST).replicateKey(ROOT, new ReplicateKeyRequest(keyId, EU));
        eastStorage.failing = true;

        assertThatThrownBy(() -> regions.engine(EAST).updatePrimaryRegion(ROOT,
                new UpdatePrimaryRegionRequest(keyId, EU))).isInstanceOf(KMSInternalException.class);

        assertThat(role(EAST, keyId)).isEqualTo(MultiRegionKeyType.PRIMARY);
        assertThat(role(EU, keyId)).isEqualTo(MultiRegionKeyType.REPLICA);
    }
}
