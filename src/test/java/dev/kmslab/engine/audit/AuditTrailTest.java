package dev.kmslab.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading an audit file back (a restored lab snapshot) and putting its events in front of a fresh log's ring. */
class AuditTrailTest {

    @TempDir
    Path dir;

    private static AuditEvent event(int n, String error) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("keyId", "key-" + n);
        params.put("encryptionContext", Map.of("dept", "finance"));
        params.put("numberOfBytes", 32);
        return new AuditEvent("event-" + n, Instant.parse("2026-03-01T10:00:00Z").plusSeconds(n), "Encrypt",
                "arn:aws:iam::111122223333:root", "arn:aws:kms:us-east-1:111122223333:key/key-" + n, params,
                error, error == null ? null : "Key is disabled", "req-" + n, "ALLOWED_BY_KEY_POLICY", List.of(),
                n % 2 == 0 ? "us-east-1" : null);
    }

    private static String json(AuditEvent e) {
        return AuditEventJson.toNode(e).toString();
    }

    @Test
    void eventsWrittenToTheFile_readBackTheSame_inOrder() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        List<AuditEvent> written = new ArrayList<>();
        try (AuditLog log = AuditLog.toFile(file, AuditLog.DEFAULT_MAX_FILE_BYTES)) {
            for (int i = 0; i < 5; i++) {
                AuditEvent e = event(i, i == 3 ? "DisabledException" : null);
                written.add(e);
                log.record(e);
            }
            log.flush();
        }
        List<AuditEvent> read = AuditLog.readTrail(file);
        assertThat(read).extracting(AuditTrailTest::json).containsExactlyElementsOf(
                written.stream().map(AuditTrailTest::json).toList());
        assertThat(read.get(3).errorCode()).isEqualTo("DisabledException");
        assertThat(read.get(3).isError()).isTrue();
        assertThat(read.get(1).awsRegion()).isNull();
        assertThat(read.get(0).requestParameters()).containsEntry("numberOfBytes", 32)
                .containsEntry("encryptionContext", Map.of("dept", "finance"));
    }

    @Test
    void aRotatedFile_isReadFirst() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        // Small enough that every event or two starts a new file: the oldest end up in audit.jsonl.1.
        try (AuditLog log = AuditLog.toFile(file, json(event(0, null)).length() + 10)) {
            for (int i = 0; i < 3; i++) {
                log.record(event(i, null));
            }
            log.flush();
        }
        assertThat(Files.exists(dir.resolve("audit.jsonl.1"))).isTrue();
        assertThat(AuditLog.readTrail(file)).extracting(AuditEvent::eventId).containsExactly("event-1", "event-2");
    }

    @Test
    void noFile_isAnEmptyTrail() throws Exception {
        assertThat(AuditLog.readTrail(dir.resolve("audit.jsonl"))).isEmpty();
    }

    @Test
    void aLastLineCutShort_isLeftOut() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        String full = json(event(1, null));
        Files.writeString(file, full + "\n\n" + full.substring(0, 40), StandardCharsets.UTF_8);
        assertThat(AuditLog.readTrail(file)).extracting(AuditEvent::eventId).containsExactly("event-1");
    }

    @Test
    void aBrokenLine_failsNamingTheFileAndLine() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        Files.writeString(file, json(event(1, null)) + "\n{not json\n" + json(event(2, null)) + "\n");
        Throwable thrown = catchThrowable(() -> AuditLog.readTrail(file));
        assertThat(thrown).isInstanceOf(IOException.class).hasMessageStartingWith("audit.jsonl line 2: ");
    }

    @Test
    void anEventWithoutItsTime_failsNamingTheField() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        Files.writeString(file, "{\"eventId\":\"e\",\"eventName\":\"Encrypt\"}\n");
        assertThat(catchThrowable(() -> AuditLog.readTrail(file))).isInstanceOf(IOException.class)
                .hasMessage("audit.jsonl line 1: missing field eventTime");
        Files.writeString(file, "{\"eventId\":\"e\",\"eventName\":\"Encrypt\",\"eventTime\":\"yesterday\"}\n");
        assertThat(catchThrowable(() -> AuditLog.readTrail(file))).isInstanceOf(IOException.class)
                .hasMessage("audit.jsonl line 1: eventTime 'yesterday' is not an ISO-8601 instant");
    }

    @Test
    void preload_putsOlderEventsFirst_keepsTheNewestWithinCapacity_andTellsNoListener() {
        AuditLog log = AuditLog.inMemory(4);
        List<AuditEvent> heard = new ArrayList<>();
        log.addListener(heard::add);
        log.record(event(10, null));
        log.record(event(11, null));
        log.preload(List.of(event(1, null), event(2, null), event(3, null)));
        assertThat(log.all()).extracting(AuditEvent::eventId)
                .containsExactly("event-2", "event-3", "event-10", "event-11");
        assertThat(heard).extracting(AuditEvent::eventId).containsExactly("event-10", "event-11");
        log.record(event(12, null));
        assertThat(log.all()).extracting(AuditEvent::eventId)
                .containsExactly("event-3", "event-10", "event-11", "event-12");
    }

    @Test
    void preload_intoAFileLog_doesNotWriteThoseEventsAgain() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        try (AuditLog log = AuditLog.toFile(file, AuditLog.DEFAULT_MAX_FILE_BYTES)) {
            log.preload(List.of(event(1, null)));
            log.record(event(2, null));
            log.flush();
        }
        assertThat(AuditLog.readTrail(file)).extracting(AuditEvent::eventId).containsExactly("event-2");
    }
}
