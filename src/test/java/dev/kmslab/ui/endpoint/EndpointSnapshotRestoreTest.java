package dev.kmslab.ui.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.SimulatedClock;
import dev.kmslab.ui.UiTests;
import dev.kmslab.ui.common.UiExecutor;
import dev.kmslab.ui.keylab.common.KeyLabSession;
import dev.kmslab.ui.keylab.common.LabEngineOpener;
import dev.kmslab.ui.keylab.common.LabError;
import dev.kmslab.ui.keylab.common.LabSnapshots;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyListEntry;

/**
 * The app's endpoint after a Key Lab snapshot restore: the restore closes every engine and opens new ones from the
 * snapshot's files; the endpoint, started before, must serve the restored lab (not the closed engines it started
 * with), over the wire with the AWS SDK.
 */
@ResourceLock(UiTests.JAVAFX)
class EndpointSnapshotRestoreTest {

    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    private static final Clock FILES = Clock.fixed(START, ZoneOffset.UTC);

    @TempDir
    Path data;

    private static KmsClient client(int port) {
        return KmsClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + port))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    private static List<String> keyIds(KmsClient kms) {
        return kms.listKeys().keys().stream().map(KeyListEntry::keyId).toList();
    }

    @Test
    void afterRestore_listKeysShowsTheSnapshotsKeysOnly_andAnOlderCiphertextDecrypts() throws Exception {
        SimulatedClock clock = new SimulatedClock(START);
        List<String> notices = new ArrayList<>();
        KeyLabSession session = new KeyLabSession(UiExecutor.synchronous(), Runnable::run);
        session.open(() -> LabEngineOpener.open(data, clock, FILES), notices::add);
        assertThat(notices).isEmpty();
        LabSnapshots snapshots = new LabSnapshots(data, FILES);
        session.enableSnapshots(snapshots);
        EndpointViewModel endpoint = new EndpointViewModel(session::engine, session::accounts, data, 0);
        assertThat(endpoint.start()).as(endpoint.statusProperty().get()).isTrue();
        try (KmsClient kms = client(endpoint.server().port())) {
            String k1 = kms.createKey(b -> b.description("K1")).keyMetadata().keyId();
            SdkBytes blob = kms.encrypt(b -> b.keyId(k1).plaintext(SdkBytes.fromUtf8String("before the snapshot"))
                    .encryptionContext(Map.of("demo", "1"))).ciphertextBlob();
            snapshots.save("before K2", Optional.of(clock.now()));
            String k2 = kms.createKey(b -> b.description("K2")).keyMetadata().keyId();
            assertThat(keyIds(kms)).contains(k1, k2);

            AtomicReference<LabSnapshots.Snapshot> restored = new AtomicReference<>();
            AtomicReference<LabError> failed = new AtomicReference<>();
            session.reopen(() -> snapshots.restore("before K2"), restored::set, failed::set);
            assertThat(failed.get()).isNull();
            assertThat(restored.get().name()).isEqualTo("before K2");

            // The same server, on the same port, now answers from the restored engines.
            assertThat(keyIds(kms)).contains(k1).doesNotContain(k2);
            assertThat(kms.decrypt(b -> b.ciphertextBlob(blob).encryptionContext(Map.of("demo", "1"))).plaintext()
                    .asUtf8String()).isEqualTo("before the snapshot");
            // A key made over the wire after the restore lands in the restored lab, which the Key Lab shows.
            String k3 = kms.createKey(b -> b.description("K3")).keyMetadata().keyId();
            assertThat(session.engine().listKeys(dev.kmslab.engine.CallerContext.root("111122223333"),
                    dev.kmslab.engine.model.ListKeysRequest.firstPage()).keys())
                    .extracting(dev.kmslab.engine.model.KeyListEntry::keyId).contains(k1, k3).doesNotContain(k2);
            assertThat(session.engine().auditLog().all()).anyMatch(e -> e.eventName().equals("CreateKey")
                    && e.keyArn() != null && e.keyArn().endsWith("/" + k3));
        } finally {
            endpoint.stop();
            session.close();
        }
    }
}
