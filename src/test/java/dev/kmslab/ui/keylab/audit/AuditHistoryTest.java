package dev.kmslab.ui.keylab.audit;

import org.junit.jupiter.api.parallel.ResourceLock;
import dev.kmslab.ui.UiTests;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.SimulatedClock;
import dev.kmslab.engine.audit.AuditEvent;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.EncryptRequest;
import dev.kmslab.ui.common.UiExecutor;
import dev.kmslab.ui.keylab.LabFixture;
import dev.kmslab.ui.keylab.common.KeyLabSession;
import dev.kmslab.ui.keylab.common.LabEngineOpener;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Audit log tab after a plain restart (no snapshot restored): the lab's history from the audit file, like
 * CloudTrail's event history, ordered by simulated time with the time jump marked; a damaged or torn audit file is
 * named in a notice, its readable events still listed, and the file is not rewritten.
 */
@ResourceLock(UiTests.JAVAFX)
class AuditHistoryTest {

    @TempDir
    Path data;

    private final SimulatedClock clock = new SimulatedClock(LabFixture.START);

    /** One run of the lab: opens the data folder, does {@code work}, closes like the app does. */
    private void run(java.util.function.Consumer<KmsEngine> work) throws Exception {
        LabEngineOpener.Opened opened = LabEngineOpener.open(data, clock, Clock.systemUTC());
        try {
            work.accept(opened.engine());
        } finally {
            opened.resources().close();
        }
    }

    private static String createKeyAndEncrypt(KmsEngine engine) {
        CallerContext root = CallerContext.root(engine.account());
        String id = engine.createKey(root, CreateKeyRequest.symmetric()).keyMetadata().keyId();
        engine.encrypt(root, EncryptRequest.of(id, "hello".getBytes(StandardCharsets.UTF_8), Map.of("run", "1")));
        return id;
    }

    private record Restart(LabEngineOpener.Opened opened, AuditViewModel audit) {
    }

    private Restart restart() {
        LabEngineOpener.Opened opened = LabEngineOpener.open(data, clock, Clock.systemUTC());
        KeyLabSession session = KeyLabSession.of(opened.regions(), UiExecutor.synchronous());
        return new Restart(opened, new AuditViewModel(session));
    }

    @Test
    void afterARestart_theFirstRunsEventsAreListed_newestSimulatedTimeFirst_withTheJumpMarked() throws Exception {
        String[] ids = new String[2];
        run(engine -> {
            ids[0] = createKeyAndEncrypt(engine);
            engine.advanceClock(Duration.ofDays(30));
            ids[1] = createKeyAndEncrypt(engine);
        });
        // "Back to real time" before the restart: the second run's calls are older in simulated time.
        clock.set(LabFixture.START.plusSeconds(60));

        Restart second = restart();
        try {
            AuditViewModel audit = second.audit();
            assertThat(second.opened().notices()).isEmpty();
            List<AuditEvent> rows = audit.visibleEvents();
            assertThat(rows).extracting(AuditEvent::eventName)
                    .containsExactly("Encrypt", "CreateKey", "Encrypt", "CreateKey");
            assertThat(rows.get(0).keyArn()).endsWith(ids[1]);
            assertThat(rows.get(3).keyArn()).endsWith(ids[0]);
            assertThat(rows.get(0).requestParameters()).containsEntry("encryptionContext", Map.of("run", "1"));
            assertThat(audit.timeJumpBefore(rows.get(1))).get().asString()
                    .isEqualTo("Time jump: 30 days passed between the event below and this one (the lab clock was "
                            + "moved forward).");
            assertThat(audit.timeJumpBefore(rows.get(0))).isEmpty();

            // A call of this run goes where its simulated time puts it: between the first run's two days.
            createKeyAndEncrypt(second.opened().engine());
            assertThat(audit.visibleEvents()).extracting(AuditEvent::eventName)
                    .containsExactly("Encrypt", "CreateKey", "Encrypt", "CreateKey", "Encrypt", "CreateKey");
            assertThat(audit.visibleEvents().get(2).eventTime()).isEqualTo(LabFixture.START.plusSeconds(60));
        } finally {
            second.opened().resources().close();
        }

        // And a third start lists both runs, each event once.
        Restart third = restart();
        try {
            assertThat(third.audit().events()).extracting(AuditEvent::eventName).filteredOn("CreateKey"::equals)
                    .hasSize(3);
            assertThat(third.audit().events()).extracting(AuditEvent::eventId).doesNotHaveDuplicates();
        } finally {
            third.opened().resources().close();
        }
    }

    @Test
    void aDamagedAuditFile_isNamedWithItsLine_theRestIsListed_andTheFileKept() throws Exception {
        run(AuditHistoryTest::createKeyAndEncrypt);
        Path file = data.resolve(LabEngineOpener.AUDIT_FILE);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        String damaged = lines.get(0) + "\n{\"eventId\":\"x\",\"eventName\":\"Encrypt\",\"eventTime\":\"soon\"}\n"
                + lines.get(1) + "\n";
        Files.writeString(file, damaged, StandardCharsets.UTF_8);

        nextStartSays("audit.jsonl line 2 is damaged (eventTime 'soon' is not an ISO-8601 instant); it was skipped "
                + "and the file is kept as it is.", List.of("Encrypt", "CreateKey"));
        // New events are appended after it; nothing before was rewritten.
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).startsWith(damaged);
    }

    @Test
    void anAuditFileCutOffMidLine_namesTheTornLine_andListsTheRest() throws Exception {
        run(engine -> {
            createKeyAndEncrypt(engine);
            createKeyAndEncrypt(engine);
        });
        Path file = data.resolve(LabEngineOpener.AUDIT_FILE);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() - 30); // a kill while the fourth line was being written
        }
        nextStartSays("audit.jsonl line 4 was cut off by a crash in the middle of a write (the line has no end); it "
                + "was skipped.", List.of("CreateKey", "Encrypt", "CreateKey"));
    }

    /** The next start names the one unreadable line in a notice and lists the readable events; then makes a call. */
    private void nextStartSays(String problem, List<String> eventNames) {
        Restart next = restart();
        try {
            assertThat(next.opened().notices()).containsExactly("The audit log could not read one line of earlier "
                    + "runs: " + problem);
            assertThat(next.audit().events()).extracting(AuditEvent::eventName).containsExactlyElementsOf(eventNames);
            createKeyAndEncrypt(next.opened().engine());
        } finally {
            close(next);
        }
    }

    private static void close(Restart restart) {
        try {
            restart.opened().resources().close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
