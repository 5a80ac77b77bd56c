package dev.kmslab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kmslab.engine.EngineConfig;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.SimulatedClock;
import dev.kmslab.engine.audit.AuditEvent;
import dev.kmslab.engine.audit.AuditLog;
import dev.kmslab.engine.audit.AuditQuery;
import dev.kmslab.server.auth.AccessKeyStore;
import dev.kmslab.server.auth.Credential;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * AssumeRole in the audit trail, over the wire with the SDK: a success and each kind of refusal recorded like
 * CloudTrail's STS events (eventSource, requestParameters, responseElements, errorCode), written to the audit file,
 * and the session's secret access key and token in no audit line and no log record.
 */
class SdkStsAuditTest {

    private static final String ACCOUNT = EngineConfig.DEFAULT_ACCOUNT;
    private static final String OPS = "arn:aws:iam::" + ACCOUNT + ":role/Ops";
    private static final String ALICE = "arn:aws:iam::" + ACCOUNT + ":user/alice";
    private static final String BOB = "arn:aws:iam::" + ACCOUNT + ":user/bob";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private AuditLog audit;
    private KmsEngine engine;
    private KmsHttpServer server;
    private Credential alice;
    private Credential bob;
    private final List<String> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        private final SimpleFormatter format = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            synchronized (logged) {
                logged.add(format.format(record));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void start() throws Exception {
        Logger.getLogger("").addHandler(capture);
        capture.setLevel(Level.ALL);
        audit = AuditLog.toFile(dir.resolve("audit.jsonl"), AuditLog.DEFAULT_MAX_FILE_BYTES);
        engine = KmsEngine.open(EngineConfig.defaults().withAuditLog(audit)
                .withClock(new SimulatedClock(Instant.now().truncatedTo(ChronoUnit.SECONDS))));
        engine.principals().createRole(ACCOUNT, "Ops");
        engine.principals().createUser(ACCOUNT, "alice");
        engine.principals().createUser(ACCOUNT, "bob");
        engine.principals().attachUserPolicy(ACCOUNT, "alice", "AssumeOps", "{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}]}");
        AccessKeyStore keys = AccessKeyStore.inMemory(ACCOUNT);
        alice = keys.issueAccessKey(ALICE);
        bob = keys.issueAccessKey(BOB);
        server = KmsHttpServer.start(engine, ServerConfig.defaults(keys).withPort(0)
                .withRequestTimeout(Duration.ofSeconds(8)));
    }

    @AfterEach
    void stop() {
        server.stop();
        audit.close();
        Logger.getLogger("").removeHandler(capture);
    }

    private List<AuditEvent> assumeRoleEvents() {
        return engine.auditLog().query(AuditQuery.all().forEvent("AssumeRole"));
    }

    @Test
    void assumeRole_isRecordedLikeCloudTrail_withoutTheSecretOrTheToken() throws Exception {
        AssumeRoleResponse r;
        try (StsClient sts = SdkStsTest.sts(server.endpoint(), AwsBasicCredentials.create(alice.accessKeyId(),
                alice.secretAccessKey()))) {
            r = sts.assumeRole(b -> b.roleArn(OPS).roleSessionName("nightly").durationSeconds(1800)
                    .externalId("build-7"));
        }
        String keyId;
        try (KmsClient root = SdkStsTest.kms(server.endpoint(), AwsBasicCredentials.create("test", "test"))) {
            keyId = root.createKey(b -> b.policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                    + "\"Principal\":{\"AWS\":[\"arn:aws:iam::" + ACCOUNT + ":root\",\"" + OPS + "\"]},"
                    + "\"Action\":\"kms:*\",\"Resource\":\"*\"}]}")).keyMetadata().keyId();
        }
        try (KmsClient asOps = SdkStsTest.kms(server.endpoint(), SdkStsTest.session(r))) {
            asOps.encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromUtf8String("x")));
        }
        String sessionArn = "arn:aws:sts::" + ACCOUNT + ":assumed-role/Ops/nightly";

        AuditEvent event = assumeRoleEvents().get(0);
        assertThat(event.eventSource()).isEqualTo("sts.amazonaws.com");
        assertThat(event.principalArn()).isEqualTo(ALICE);
        assertThat(event.errorCode()).isNull();
        assertThat(event.awsRegion()).isEqualTo("us-east-1");
        assertThat(event.requestParameters()).containsExactly(java.util.Map.entry("roleArn", OPS),
                java.util.Map.entry("roleSessionName", "nightly"), java.util.Map.entry("durationSeconds", 1800),
                java.util.Map.entry("externalId", "build-7"));
        audit.flush();
        List<String> lines = Files.readAllLines(dir.resolve("audit.jsonl"), StandardCharsets.UTF_8);
        JsonNode line = lines.stream().map(SdkStsAuditTest::parse)
                .filter(n -> n.path("eventName").asText().equals("AssumeRole")).findFirst().orElseThrow();
        assertThat(line.path("eventSource").asText()).isEqualTo("sts.amazonaws.com");
        assertThat(line.path("principalArn").asText()).isEqualTo(ALICE);
        JsonNode response = line.path("responseElements");
        assertThat(response.path("credentials").path("accessKeyId").asText())
                .isEqualTo(r.credentials().accessKeyId());
        assertThat(response.path("credentials").path("expiration").asText())
                .isEqualTo(r.credentials().expiration().toString());
        assertThat(response.path("credentials").has("sessionToken")).isFalse();
        assertThat(response.path("credentials").has("secretAccessKey")).isFalse();
        assertThat(response.path("assumedRoleUser").path("arn").asText()).isEqualTo(sessionArn);
        assertThat(response.path("assumedRoleUser").path("assumedRoleId").asText())
                .isEqualTo(r.assumedRoleUser().assumedRoleId());
        // The session's own calls are audited under its ARN.
        assertThat(lines.stream().map(SdkStsAuditTest::parse).filter(n -> n.path("eventName").asText()
                .equals("Encrypt")).findFirst().orElseThrow().path("principalArn").asText()).isEqualTo(sessionArn);

        String everything = String.join("\n", lines) + engine.auditLog().all() + logged;
        assertThat(everything).doesNotContain(r.credentials().secretAccessKey())
                .doesNotContain(r.credentials().sessionToken());
    }

    @Test
    void refusedAssumeRoles_areRecordedWithTheErrorTheCallerGot() throws Exception {
        try (StsClient asBob = SdkStsTest.sts(server.endpoint(), AwsBasicCredentials.create(bob.accessKeyId(),
                bob.secretAccessKey()));
             StsClient asAlice = SdkStsTest.sts(server.endpoint(), AwsBasicCredentials.create(alice.accessKeyId(),
                     alice.secretAccessKey()))) {
            StsException denied = catchSts(() -> asBob.assumeRole(b -> b.roleArn(OPS).roleSessionName("bob")));
            StsException unknown = catchSts(() -> asAlice.assumeRole(b -> b.roleArn("arn:aws:iam::" + ACCOUNT
                    + ":role/Nobody").roleSessionName("alice")));
            StsException tooLong = catchSts(() -> asAlice.assumeRole(b -> b.roleArn(OPS).roleSessionName("long")
                    .durationSeconds(7200)));
            StsException tooShort = catchSts(() -> asAlice.assumeRole(b -> b.roleArn(OPS).roleSessionName("short")
                    .durationSeconds(60)));
            asAlice.getCallerIdentity();

            List<AuditEvent> events = assumeRoleEvents();
            assertThat(events).hasSize(4);
            assertThat(events).allSatisfy(e -> {
                assertThat(e.eventSource()).isEqualTo("sts.amazonaws.com");
                assertThat(e.responseElements()).isNull();
            });
            assertThat(events).extracting(AuditEvent::principalArn).containsExactly(BOB, ALICE, ALICE, ALICE);
            assertThat(events).extracting(AuditEvent::errorCode).containsExactly("AccessDenied", "AccessDenied",
                    "ValidationError", "ValidationError");
            assertThat(events).extracting(AuditEvent::errorMessage).containsExactly(
                    denied.awsErrorDetails().errorMessage(), unknown.awsErrorDetails().errorMessage(),
                    tooLong.awsErrorDetails().errorMessage(), tooShort.awsErrorDetails().errorMessage());
            assertThat(events.get(1).requestParameters().get("roleArn")).isEqualTo("arn:aws:iam::" + ACCOUNT
                    + ":role/Nobody");
            assertThat(events.get(2).requestParameters().get("durationSeconds")).isEqualTo(7200);
            assertThat(events.get(3).errorMessage()).contains("greater than or equal to 900");
            // GetCallerIdentity is not an AssumeRole event; the file holds the four refusals.
            audit.flush();
            assertThat(Files.readAllLines(dir.resolve("audit.jsonl"), StandardCharsets.UTF_8).stream()
                    .map(SdkStsAuditTest::parse).filter(n -> n.path("eventName").asText().equals("AssumeRole"))
                    .map(n -> n.path("errorCode").asText())).containsExactly("AccessDenied", "AccessDenied",
                    "ValidationError", "ValidationError");
        }
    }

    private static StsException catchSts(Runnable call) {
        try {
            call.run();
        } catch (StsException e) {
            return e;
        }
        throw new AssertionError("the call was not refused");
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (java.io.IOException e) {
            throw new AssertionError(line, e);
        }
    }
}
