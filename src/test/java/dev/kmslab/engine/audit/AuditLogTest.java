package dev.kmslab.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.EngineConfig;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.KmsRegions;
import dev.kmslab.engine.SimulatedClock;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.DecryptRequest;
import dev.kmslab.engine.model.DisableKeyRequest;
import dev.kmslab.engine.model.EncryptRequest;
import dev.kmslab.engine.model.GenerateDataKeyRequest;
import dev.kmslab.engine.store.InMemoryKeystoreStorage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {

    private static final CallerContext ROOT = CallerContext.root("111122223333");
    private static final CallerContext BOB = CallerContext.of("arn:aws:iam::111122223333:user/bob");
    private final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final AuditLog audit = AuditLog.inMemory();
    private final KmsEngine engine = open(audit);

    private KmsEngine open(AuditLog log) {
        try {
            return KmsEngine.open(EngineConfig.defaults().withClock(clock).withAuditLog(log)
                    .withStorage(new InMemoryKeystoreStorage()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void successAndFailure_areRecordedWithCloudTrailFields() {
        String keyId = engine.createKey(ROOT, CreateKeyRequest.symmetric()).keyMetadata().keyId();
        String arn = "arn:aws:kms:us-east-1:111122223333:key/" + keyId;
        engine.encrypt(ROOT, EncryptRequest.of(keyId, "top-secret".getBytes(StandardCharsets.UTF_8),
                Map.of("dept", "hr")));
        engine.disableKey(ROOT, new DisableKeyRequest(keyId));
        catchThrowable(() -> engine.encrypt(ROOT, EncryptRequest.of(keyId, new byte[1], null)));
        catchThrowable(() -> engine.encrypt(BOB, EncryptRequest.of(keyId, new byte[1], null)));

        List<AuditEvent> forKey = audit.query(AuditQuery.all().forKey(arn));
        assertThat(forKey).extracting(AuditEvent::eventName)
                .containsExactly("CreateKey", "Encrypt", "DisableKey", "Encrypt", "Encrypt");
        AuditEvent encrypt = forKey.get(1);
        assertThat(encrypt.requestParameters()).containsEntry("encryptionContext", Map.of("dept", "hr"))
                .containsEntry("keyId", keyId).doesNotContainKey("plaintext");
        assertThat(encrypt.eventTime()).isEqualTo(clock.now());
        assertThat(encrypt.principalArn()).isEqualTo("arn:aws:iam::111122223333:root");
        assertThat(encrypt.requestId()).isNotEqualTo(encrypt.eventId());
        assertThat(encrypt.authorizationExplanation()).isNotBlank();
        assertThat(encrypt.isError()).isFalse();

        List<AuditEvent> errors = audit.query(AuditQuery.all().onlyErrors());
        assertThat(errors).extracting(AuditEvent::errorCode).containsExactly("DisabledException",
                "AccessDeniedException");
        assertThat(errors.get(0).errorMessage()).isEqualTo(arn + " is disabled.");
        assertThat(audit.query(AuditQuery.all().forPrincipal(BOB.principalArn()))).hasSize(1);
    }

    @Test
    void validationFailures_areAuditedToo() {
        catchThrowable(() -> engine.encrypt(ROOT, EncryptRequest.of("alias/none", new byte[0], null)));

        assertThat(audit.query(AuditQuery.all().onlyErrors())).singleElement()
                .satisfies(e -> assertThat(e.errorCode()).isEqualTo("ValidationException"));
    }

    @Test
    void query_byTimeRange_andListenersSeeEveryEvent() {
        List<AuditEvent> heard = new ArrayList<>();
        audit.addListener(heard::add);
        engine.createKey(ROOT, CreateKeyRequest.symmetric());
        Instant second = clock.now().plus(Duration.ofHours(1));
        clock.set(second);
        engine.createKey(ROOT, CreateKeyRequest.symmetric());

        assertThat(audit.query(AuditQuery.all().between(second, second.plusSeconds(1)))).hasSize(1);
        assertThat(heard).hasSize(2);
    }

    @Test
    void noSecretEverReachesTheAudit() {
        String keyId = engine.createKey(ROOT, CreateKeyRequest.symmetric()).keyMetadata().keyId();
        byte[] secret = "plain-text-marker".getBytes(StandardCharsets.UTF_8);
        byte[] blob = engine.encrypt(ROOT, EncryptRequest.of(keyId, secret, null)).ciphertextBlob();
        byte[] dataKey = engine.generateDataKey(ROOT, GenerateDataKeyRequest.aes256(keyId, null)).plaintext();
        engine.decrypt(ROOT, DecryptRequest.of(blob, null));

        String everything = audit.all().toString();
        assertThat(everything).doesNotContain("plain-text-marker")
                .doesNotContain(Base64.getEncoder().encodeToString(dataKey))
                .doesNotContain(Base64.getEncoder().encodeToString(blob));
    }

    @Test
    void failingListener_doesNotFailTheCall() {
        audit.addListener(e -> {
            throw new IllegalStateException("view closed");
        });

        assertThat(engine.createKey(ROOT, CreateKeyRequest.symmetric()).keyMetadata()).isNotNull();
        assertThat(audit.all()).hasSize(1);
    }

    @Test
    void ring_isBounded() {
        AuditLog small = AuditLog.inMemory(3);
        for (int i = 0; i < 5; i++) {
            small.record(new AuditEvent("e" + i, Instant.EPOCH, "X", "p", null, Map.of(), null, null, "r", null));
        }

        assertThat(small.all()).extracting(AuditEvent::eventId).containsExactly("e2", "e3", "e4");
    }

    @Test
    void file_isJsonLines_andRotatesToDot1WhenOverTheBound(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("audit.jsonl");
        try (AuditLog fileLog = AuditLog.toFile(file, 2_000)) {
            KmsEngine logged = open(fileLog);
            for (int i = 0; i < 20; i++) {
                logged.createKey(ROOT, CreateKeyRequest.withDescription("key " + i));
            }
            fileLog.flush();
        }

        List<String> lines = Files.readAllLines(file);
        assertThat(Files.exists(dir.resolve("audit.jsonl.1"))).isTrue();
        assertThat(Files.size(file)).isLessThanOrEqualTo(2_000);
        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line).startsWith("{\"eventId\":")
                .contains("\"eventName\":\"CreateKey\""));
    }

    @Test
    void fileLines_nameTheRegionOfTheCall(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("audit.jsonl");
        try (AuditLog fileLog = AuditLog.toFile(file, AuditLog.DEFAULT_MAX_FILE_BYTES)) {
            KmsRegions regions = KmsRegions.inMemory(EngineConfig.defaults().withClock(clock)
                    .withAuditLog(fileLog));
            regions.engine("ap-southeast-2").createKey(ROOT, CreateKeyRequest.symmetric());
            fileLog.flush();
        }

        assertThat(Files.readAllLines(file)).singleElement().asString()
                .contains("\"eventName\":\"CreateKey\",\"awsRegion\":\"ap-southeast-2\"");
    }
}
