package dev.kmslab.ui.keylab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.KmsRegions;
import dev.kmslab.engine.SimulatedClock;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.DescribeKeyRequest;
import dev.kmslab.engine.model.MultiRegionKeyType;
import dev.kmslab.engine.model.ReplicateKeyRequest;
import dev.kmslab.ui.UiTests;
import dev.kmslab.ui.keylab.common.LabEngineOpener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/** The lab opens every Region from the data directory, each in its own sealed file, and reopens them as they were. */
@ResourceLock(UiTests.JAVAFX)
class LabEngineOpenerRegionsTest {

    @TempDir
    Path data;

    private final SimulatedClock clock = new SimulatedClock(LabFixture.START);

    @Test
    void everyLabRegion_opens_andAReplicaIsStillAReplicaAfterReopening() throws Exception {
        LabEngineOpener.Opened opened = LabEngineOpener.open(data, clock, Clock.systemUTC());
        assertThat(opened.regions().regions()).containsExactlyElementsOf(KmsRegions.LAB_REGIONS);
        assertThat(opened.engine().region()).isEqualTo("us-east-1");
        CallerContext root = CallerContext.root(opened.engine().account());
        String keyId = opened.engine().createKey(root, CreateKeyRequest.symmetric().withMultiRegion(true))
                .keyMetadata().keyId();
        opened.engine().replicateKey(root, new ReplicateKeyRequest(keyId, "ap-southeast-2"));
        opened.resources().close();

        assertThat(data.resolve("keystore-ap-southeast-2.journal")).exists();
        assertThat(new String(Files.readAllBytes(data.resolve("keystore-ap-southeast-2.journal")),
                java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(keyId);
        LabEngineOpener.Opened again = LabEngineOpener.open(data, clock, Clock.systemUTC());
        assertThat(again.notices()).isEmpty();
        assertThat(again.regions().engine("ap-southeast-2").describeKey(root, new DescribeKeyRequest(keyId))
                .keyMetadata().multiRegionConfiguration().multiRegionKeyType()).isEqualTo(MultiRegionKeyType.REPLICA);
        again.resources().close();
    }

    @Test
    void aDamagedRegionFile_isMovedAside_andNamedInTheNotice() throws Exception {
        LabEngineOpener.open(data, clock, Clock.systemUTC()).resources().close();
        Files.writeString(data.resolve("keystore-eu-west-1.journal"), "{ not a keystore");

        LabEngineOpener.Opened opened = LabEngineOpener.open(data, clock, Clock.systemUTC());

        assertThat(opened.notices()).singleElement().asString().startsWith("[eu-west-1] The Key Lab keystore was "
                + "damaged and has been moved aside to keystore-eu-west-1.journal.corrupt-");
        assertThat(opened.regions().engine("eu-west-1")).isNotNull();
        opened.resources().close();
    }
}
