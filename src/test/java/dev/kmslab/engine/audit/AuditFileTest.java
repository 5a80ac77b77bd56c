package dev.kmslab.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.EngineConfig;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.SimulatedClock;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.EncryptRequest;
import dev.kmslab.engine.model.Tag;
import dev.kmslab.engine.model.TagResourceRequest;
import dev.kmslab.engine.store.InMemoryKeystoreStorage;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit file as a crash leaves it: every recorded event is in the file when {@code record} returns (no user-space
 * buffer to lose on SIGKILL), a line cut off mid-write is closed by the next write and reported by the reader (file,
 * line, skipped), a damaged line is reported and skipped and its file never replaced, and the history loaded at start
 * is bounded.
 */
class AuditFileTest {

    private static final CallerContext ROOT = CallerContext.root("111122223333");

    @TempDir
    Path dir;

    private static AuditEvent event(int n) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("keyId", "key-" + n);
        return new AuditEvent("event-" + n, Instant.parse("2026-03-01T10:00:00Z").plusSeconds(n), "Encrypt",
                "arn:aws:iam::111122223333:root", "arn:aws:kms:us-east-1:111122223333:key/key-" + n, params, null,
                null, "req-" + n, "ALLOWED_BY_KEY_POLICY");
    }

    private static String line(int n) {
        return AuditEventJson.toNode(event(n)).toString() + "\n";
    }

    @Test
    void anEventIsInTheFile_whenRecordReturns_withoutFlushOrClose() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        AuditLog log = AuditLog.toFile(file, AuditLog.DEFAULT_MAX_FILE_BYTES);
        try {
            log.record(event(1));
            // Read by another reader while the log is still open: what a SIGKILL now would leave.
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(line(1));
            log.record(event(2));
            assertThat(AuditLog.readTrail(file)).extracting(AuditEvent::eventId).containsExactly("event-1", "event-2");
        } finally {
            log.close();
        }
    }

    @Test
    void aTruncatedFile_nextEventStartsANewLine_readerReportsTheTornLineAndLoadsTheRest() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        try (AuditLog log = AuditLog.toFile(file, AuditLog.DEFAULT_MAX_FILE_BYTES)) {
            for (int i = 1; i <= 3; i++) {
                log.record(event(i));
            }
        }
        // A kill in the middle of writing the third line: the file stops 25 bytes into it.
        long cut = line(1).length() + line(2).length() + 25;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(cut);
        }
        try (AuditLog log = AuditLog.toFile(file, AuditLog.DEFAULT_MAX_FILE_BYTES)) {
            log.record(event(4));
        }
        String[] lines = Files.readString(file, StandardCharsets.UTF_8).split("\n", -1);
        assertThat(lines).hasSize(5);
        assertThat(lines[2]).isEqualTo(line(3).substring(0, 25));
        assertThat(lines[3] + "\n").isEqualTo(line(4));
        assertThat(lines[4]).isEmpty();

        AuditTrail trail = AuditTrail.read(file, 100);
        assertThat(trail.events()).extracting(AuditEvent::eventId).containsExactly("event-1", "event-2", "event-4");
        assertThat(trail.problems()).hasSize(1);
        AuditTrail.Problem torn = trail.problems().get(0);
        assertThat(torn.torn()).isTrue();
        assertThat(torn.line()).isEqualTo(3);
        assertThat(torn.message()).isEqualTo("audit.jsonl line 3 was cut off by a crash in the middle of a write "
                + "(its JSON stops short); it was skipped.");
        assertThat(trail.damaged()).isFalse();
        // The strict reader (snapshots) skips a torn line too.
        assertThat(AuditLog.readTrail(file)).extracting(AuditEvent::eventId)
                .containsExactly("event-1", "event-2", "event-4");
    }

    @Test
    void nulBytesACrashLeft_beforeALaterLine_areReportedAsTorn_andTheLaterLineLoads() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        // Where line 2 should be, the blocks were allocated but never filled (a power loss); line 3 follows.
        Files.write(file, (line(1) + "\0".repeat(line(2).length()) + line(3)).getBytes(StandardCharsets.UTF_8));
        AuditTrail trail = AuditTrail.read(file, 100);
        assertThat(trail.events()).extracting(AuditEvent::eventId).containsExactly("event-1", "event-3");
        assertThat(trail.problems()).extracting(AuditTrail.Problem::message).containsExactly(
                "audit.jsonl line 2 was cut off by a crash in the middle of a write (" + line(2).length()
                        + " bytes were never written); it was skipped.");
    }

    @Test
    void concurrentWriters_eachLineWhole_noneLost() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        int threads = 8;
        int each = 300;
        try (AuditLog log = AuditLog.toFile(file, 40_000)) {
            Thread[] workers = new Thread[threads];
            for (int t = 0; t < threads; t++) {
                int base = t * each;
                workers[t] = new Thread(() -> {
                    for (int i = 0; i < each; i++) {
                        log.record(event(base + i), i % 50 == 0);
                    }
                });
                workers[t].start();
            }
            for (Thread worker : workers) {
                worker.join();
            }
            assertThat(log.droppedFromFile()).isZero();
        }
        // Rotated on the way (about 200 lines a part): the newest two parts hold whole lines only.
        AuditTrail trail = AuditTrail.read(file, Integer.MAX_VALUE);
        assertThat(trail.problems()).isEmpty();
        assertThat(trail.events()).extracting(AuditEvent::eventId).doesNotHaveDuplicates().isNotEmpty();
    }

    @Test
    void aTornLastLine_isReported_notFatal() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        Files.writeString(file, line(1) + line(2).substring(0, 40), StandardCharsets.UTF_8);
        AuditTrail trail = AuditTrail.read(file, 100);
        assertThat(trail.events()).extracting(AuditEvent::eventId).containsExactly("event-1");
        assertThat(trail.problems()).extracting(AuditTrail.Problem::message).containsExactly(
                "audit.jsonl line 2 was cut off by a crash in the middle of a write (the line has no end); it was "
                        + "skipped.");
    }

    @Test
    void linesCutAnywhere_areTorn_notDamaged() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        String full = AuditEventJson.toNode(new AuditEvent("e", Instant.parse("2026-03-01T10:00:00Z"), "Encrypt",
                null, null, Map.of("numberOfBytes", 32), null, null, "r", null)).toString();
        for (int cut = 1; cut < full.length(); cut++) {
            Files.writeString(file, full.substring(0, cut) + "\n" + line(1), StandardCharsets.UTF_8);
            AuditTrail trail = AuditTrail.read(file, 100);
            assertThat(trail.problems()).as("cut at %d: %s", cut, full.substring(0, cut)).hasSize(1)
                    .allMatch(AuditTrail.Problem::torn);
            assertThat(trail.events()).extracting(AuditEvent::eventId).containsExactly("event-1");
        }
    }

    @Test
    void aDamagedLine_isReportedWithFileLineAndField_andTheRestLoads() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        String damaged = "{\"eventId\":\"e\",\"eventName\":\"Encrypt\"}\n";
        Files.writeString(file, line(1) + damaged + line(2), StandardCharsets.UTF_8);
        byte[] before = Files.readAllBytes(file);

        AuditTrail trail = AuditTrail.read(file, 100);
        assertThat(trail.events()).extracting(AuditEvent::eventId).containsExactly("event-1", "event-2");
        assertThat(trail.damaged()).isTrue();
        assertThat(trail.problems()).extracting(AuditTrail.Problem::message).containsExactly(
                "audit.jsonl line 2 is damaged (missing field eventTime); it was skipped and the file is kept as it "
                        + "is.");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void loadHistory_keepsTheNewestWithinCapacity_acrossTheRotatedPart_oldestFirst() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        StringBuilder older = new StringBuilder();
        for (int i = 1; i <= 4; i++) {
            older.append(line(i));
        }
        Files.writeString(dir.resolve("audit.jsonl.1"), older, StandardCharsets.UTF_8);
        Files.writeString(file, line(5) + line(6), StandardCharsets.UTF_8);
        try (AuditLog log = AuditLog.toFile(file, AuditLog.DEFAULT_MAX_FILE_BYTES, 3)) {
            List<String> problems = log.loadHistory();
            assertThat(problems).isEmpty();
            assertThat(log.all()).extracting(AuditEvent::eventId).containsExactly("event-4", "event-5", "event-6");
            log.record(event(7));
            assertThat(log.all()).extracting(AuditEvent::eventId).containsExactly("event-5", "event-6", "event-7");
        }
        // Loaded events are not written again.
        assertThat(AuditLog.readTrail(file)).extracting(AuditEvent::eventId)
                .containsExactly("event-1", "event-2", "event-3", "event-4", "event-5", "event-6", "event-7");
    }

    @Test
    void aDamagedRotatedPart_isKeptAside_notReplaced_byTheNextRotation() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        Path rotated = dir.resolve("audit.jsonl.1");
        String damagedContent = line(1) + "{not json}\n";
        Files.writeString(rotated, damagedContent, StandardCharsets.UTF_8);
        Files.writeString(file, line(2), StandardCharsets.UTF_8);
        try (AuditLog log = AuditLog.toFile(file, line(2).length() + 10)) {
            assertThat(log.loadHistory()).hasSize(1).first().asString()
                    .startsWith("audit.jsonl.1 line 2 is damaged (");
            assertThat(log.all()).extracting(AuditEvent::eventId).containsExactly("event-1", "event-2");
            log.record(event(3)); // over the bound: audit.jsonl becomes audit.jsonl.1
        }
        try (Stream<Path> files = Files.list(dir)) {
            Path aside = files.filter(f -> f.getFileName().toString().startsWith("audit.jsonl.1.damaged-"))
                    .findFirst().orElseThrow();
            assertThat(Files.readString(aside, StandardCharsets.UTF_8)).isEqualTo(damagedContent);
        }
        assertThat(Files.readString(rotated, StandardCharsets.UTF_8)).isEqualTo(line(2));
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(line(3));
    }

    @Test
    void callsThatChangeTheKeystore_forceTheirEvent_cryptoCallsNever() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        try (AuditLog log = AuditLog.toFile(file, AuditLog.DEFAULT_MAX_FILE_BYTES)) {
            KmsEngine engine = KmsEngine.open(EngineConfig.defaults()
                    .withClock(new SimulatedClock(Instant.parse("2026-03-01T10:00:00Z"))).withAuditLog(log)
                    .withStorage(new InMemoryKeystoreStorage()));
            long start = log.fileForces();
            String keyId = engine.createKey(ROOT, CreateKeyRequest.symmetric()).keyMetadata().keyId();
            assertThat(log.fileForces()).as("after CreateKey").isEqualTo(start + 1);
            for (int i = 0; i < 10; i++) {
                engine.encrypt(ROOT, EncryptRequest.of(keyId, new byte[] {1, 2, 3}, null));
            }
            assertThat(log.fileForces()).as("after 10 Encrypt").isEqualTo(start + 1);
            engine.tagResource(ROOT, new TagResourceRequest(keyId, List.of(new Tag("team", "a"))));
            assertThat(log.fileForces()).as("after TagResource").isEqualTo(start + 2);
            assertThat(AuditLog.readTrail(file)).extracting(AuditEvent::eventName).startsWith("CreateKey")
                    .endsWith("TagResource").hasSize(12);
        }
    }

    @Test
    void theFullPartIsForcedOutsideTheWritersLock_otherCallsGoOn_theRotatingCallReturnsAfterTheForce()
            throws Exception {
        Path file = dir.resolve("audit.jsonl");
        CountDownLatch forcing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Long> forcedSizes = new CopyOnWriteArrayList<>();
        // Room for three lines: the fourth rotates the file, and its force is held until released.
        AuditFileWriter writer = new AuditFileWriter(file, 3L * line(1).length() + 10, channel -> {
            forcing.countDown();
            awaitQuietly(release);
            forcedSizes.add(channel.size());
            channel.force(false);
        });
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            for (int n = 1; n <= 3; n++) {
                writer.append(event(n), false);
            }
            Future<?> rotating = threads.submit(() -> writer.append(event(4), false));
            assertThat(forcing.await(20, TimeUnit.SECONDS)).as("the rotated part's force started").isTrue();

            // While that force is under way, other calls write and return, a durable one too (its line is in the
            // new file, which it forces itself).
            Future<?> plain = threads.submit(() -> writer.append(event(5), false));
            assertReturns(plain, "an Encrypt-like append waited for the rotated part's fsync");
            Future<?> durable = threads.submit(() -> writer.append(event(6), true));
            assertReturns(durable, "a durable append in the new file waited for the rotated part's fsync");
            assertThat(rotating).as("the call that rotated waits for its part's force").isNotDone();
            // What a kill -9 now would leave: every line written, the rotated part complete.
            assertThat(Files.readString(dir.resolve("audit.jsonl.1"), StandardCharsets.UTF_8))
                    .isEqualTo(line(1) + line(2) + line(3));
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(line(4) + line(5) + line(6));
            assertThat(AuditLog.readTrail(file)).extracting(AuditEvent::eventId)
                    .containsExactly("event-1", "event-2", "event-3", "event-4", "event-5", "event-6");

            // flush() forces the pending part too: it returns only after the release.
            Future<?> flushing = threads.submit(writer::flush);
            assertThat(flushing).isNotDone();
            release.countDown();
            rotating.get(20, TimeUnit.SECONDS);
            flushing.get(20, TimeUnit.SECONDS);
            assertThat(forcedSizes).as("the full part was forced once, whole")
                    .containsExactly((long) (line(1) + line(2) + line(3)).length());
        } finally {
            release.countDown();
            threads.shutdownNow();
            writer.close();
        }
    }

    private static void assertReturns(Future<?> call, String otherwise) throws Exception {
        try {
            call.get(20, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(otherwise, e);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
