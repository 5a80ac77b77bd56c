package dev.kmslab.ui.keylab.snapshots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.SimulatedClock;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.DecryptRequest;
import dev.kmslab.engine.model.EncryptRequest;
import dev.kmslab.engine.model.KeyListEntry;
import dev.kmslab.engine.model.ListKeysRequest;
import dev.kmslab.engine.model.ScheduleKeyDeletionRequest;
import dev.kmslab.ui.UiTests;
import dev.kmslab.ui.keylab.common.LabEngineOpener;
import dev.kmslab.ui.keylab.common.LabSnapshots;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/** Save, change, restore and reset the whole lab through its files, as the Key Lab's Snapshots menu does. */
@ResourceLock(UiTests.JAVAFX)
class LabSnapshotsTest {

    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    private static final Clock FILES = Clock.fixed(START, ZoneOffset.UTC);

    @TempDir
    Path data;

    private final SimulatedClock clock = new SimulatedClock(START);

    private LabEngineOpener.Opened open() {
        LabEngineOpener.Opened opened = LabEngineOpener.open(data, clock, FILES);
        assertThat(opened.notices()).isEmpty();
        return opened;
    }

    private static CallerContext root(KmsEngine engine) {
        return CallerContext.root(engine.account());
    }

    private static List<String> keyIds(KmsEngine engine) {
        return engine.listKeys(root(engine), ListKeysRequest.firstPage()).keys().stream().map(KeyListEntry::keyId)
                .sorted().toList();
    }

    // The audit trail as written to the data folder (the Key Lab's Audit log tab lists the events of this run).
    private List<String> auditFile() throws java.io.IOException {
        Path file = data.resolve(LabEngineOpener.AUDIT_FILE);
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    private static List<String> auditNames(List<String> lines) {
        return lines.stream().map(l -> l.replaceAll(".*\"eventName\":\"([^\"]+)\".*", "$1")).toList();
    }

    @Test
    void saveChangeRestore_givesTheSameKeysAuditAndClock_andOldCiphertextsDecrypt() throws Exception {
        LabSnapshots snapshots = new LabSnapshots(data, FILES);
        byte[] blob;
        List<String> keysBefore;
        List<String> auditBefore;
        String keyId;
        LabEngineOpener.Opened lab = open();
        try {
            KmsEngine engine = lab.engine();
            keyId = engine.createKey(root(engine), new CreateKeyRequest("demo", null, null, null, null)).keyMetadata()
                    .keyId();
            blob = engine.encrypt(root(engine), EncryptRequest.of(keyId, "rehearsal".getBytes(StandardCharsets.UTF_8),
                    Map.of("demo", "1"))).ciphertextBlob();
            keysBefore = keyIds(engine);
            lab.resources().close(); // flushes the audit file
            lab = open();
            engine = lab.engine();
            auditBefore = auditFile();
            assertThat(auditBefore).hasSize(3).anyMatch(l -> l.contains("\"Encrypt\""));
            LabSnapshots.Snapshot saved = snapshots.save("before demo", Optional.of(clock.now()));
            assertThat(saved.name()).isEqualTo("before demo");
            assertThat(saved.labTime()).contains(START);
            // The demo: a second key, the first scheduled for deletion, a year of time travel (it is deleted).
            engine.createKey(root(engine), new CreateKeyRequest("extra", null, null, null, null));
            engine.scheduleKeyDeletion(root(engine), new ScheduleKeyDeletionRequest(keyId, 7));
            engine.advanceClock(Duration.ofDays(365));
            assertThat(keyIds(engine)).doesNotContain(keyId).hasSize(1);
        } finally {
            lab.resources().close();
        }

        LabSnapshots.Snapshot restored = snapshots.restore("before demo");
        assertThat(restored.labTime()).contains(START);
        clock.set(restored.labTime().orElseThrow());
        assertThat(auditFile()).isEqualTo(auditBefore);
        // Read back for the reopened engines' audit log (the Audit log tab): the snapshot's three calls, in order.
        assertThat(snapshots.auditTrail()).extracting(dev.kmslab.engine.audit.AuditEvent::eventName)
                .containsExactly("CreateKey", "Encrypt", auditNames(auditBefore).get(2));
        assertThat(snapshots.auditTrail()).extracting(dev.kmslab.engine.audit.AuditEvent::eventName)
                .isEqualTo(auditNames(auditBefore));
        LabEngineOpener.Opened again = open();
        try {
            KmsEngine engine = again.engine();
            assertThat(keyIds(engine)).isEqualTo(keysBefore);
            assertThat(engine.now()).isEqualTo(START);
            byte[] plain = engine.decrypt(root(engine), DecryptRequest.of(blob, Map.of("demo", "1"))).plaintext();
            assertThat(new String(plain, StandardCharsets.UTF_8)).isEqualTo("rehearsal");
        } finally {
            again.resources().close();
        }
    }

    @Test
    void reset_opensAnEmptyLab_andKeepsTheSnapshots() throws Exception {
        LabSnapshots snapshots = new LabSnapshots(data, FILES);
        LabEngineOpener.Opened lab = open();
        try {
            KmsEngine engine = lab.engine();
            engine.createKey(root(engine), new CreateKeyRequest("demo", null, null, null, null));
            snapshots.save("one", Optional.empty());
        } finally {
            lab.resources().close();
        }
        snapshots.reset();
        LabEngineOpener.Opened fresh = open();
        assertThat(auditFile()).isEmpty();
        try {
            assertThat(fresh.engine().auditLog().all()).isEmpty();
            assertThat(keyIds(fresh.engine())).isEmpty();
        } finally {
            fresh.resources().close();
        }
        assertThat(snapshots.list().snapshots()).extracting(LabSnapshots.Snapshot::name).containsExactly("one");
    }

    @Test
    void aSnapshotSurvivesARestart_andNoKeyMaterialIsWrittenInTheClear() throws Exception {
        LabEngineOpener.Opened lab = open();
        String keyId;
        try {
            KmsEngine engine = lab.engine();
            keyId = engine.createKey(root(engine), new CreateKeyRequest("demo", null, null, null, null))
                    .keyMetadata().keyId();
            new LabSnapshots(data, FILES).save("class-1", Optional.empty());
        } finally {
            lab.resources().close();
        }
        // A new app run: a new LabSnapshots over the same folder.
        LabSnapshots.Listing listing = new LabSnapshots(data, Clock.systemUTC()).list();
        long journals;
        try (var files = Files.list(data)) {
            journals = files.filter(p -> p.getFileName().toString().matches("keystore.*\\.journal")).count();
        }
        int keystoreFiles = (int) journals;
        assertThat(listing.problems()).isEmpty();
        assertThat(listing.snapshots()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("class-1");
            assertThat(s.savedAt()).isEqualTo(START);
            assertThat(s.labTime()).isEmpty();
            assertThat(s.keystores()).isEqualTo(keystoreFiles).isPositive();
        });
        // The snapshot's keystore is the sealed file: the key id is not in it as text.
        String sealed = new String(Files.readAllBytes(data.resolve("snapshots/class-1/keystore.journal")),
                StandardCharsets.ISO_8859_1);
        assertThat(sealed).doesNotContain(keyId);
    }

    @Test
    void aCorruptSnapshot_isReportedByFile_andKeptAside() throws Exception {
        LabSnapshots snapshots = new LabSnapshots(data, FILES);
        snapshots.save("good", Optional.empty());
        snapshots.save("broken", Optional.empty());
        Path meta = data.resolve("snapshots/broken/snapshot.json");
        Files.writeString(meta, "{ \"name\": ");
        LabSnapshots.Listing listing = snapshots.list();
        assertThat(listing.snapshots()).extracting(LabSnapshots.Snapshot::name).containsExactly("good");
        assertThat(listing.problems()).singleElement().asString().contains("broken").contains("snapshot.json")
                .contains("moved aside");
        try (Stream<Path> entries = Files.list(data.resolve("snapshots"))) {
            assertThat(entries.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.startsWith("broken.corrupt-"));
        }
        // Reported once: the next listing finds only the good one and no problem.
        assertThat(snapshots.list().problems()).isEmpty();
        assertThatThrownBy(() -> snapshots.restore("broken")).isInstanceOf(java.io.IOException.class);
    }

    @Test
    void aBadName_isRefusedWithTheRule() {
        LabSnapshots snapshots = new LabSnapshots(data, FILES);
        assertThatThrownBy(() -> snapshots.save("../escape", Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Snapshot name '../escape': use 1 to 40 letters, digits, spaces, dots, dashes or "
                        + "underscores, starting with a letter or digit.");
        assertThatThrownBy(() -> snapshots.save(" ", Optional.empty())).isInstanceOf(IllegalArgumentException.class);
    }
}
