package dev.kmslab.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kmslab.engine.audit.AuditEvent;
import dev.kmslab.engine.audit.AuditQuery;
import java.nio.file.Path;
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

    private static final String ACCOUNT = StsAuditFixture.ACCOUNT;
    private static final String OPS = StsAuditFixture.OPS;
    private static final String ALICE = StsAuditFixture.ALICE;
    private static final String BOB = StsAuditFixture.BOB;

    @TempDir
    Path dir;

    private StsAuditFixture f;
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
        f = new StsAuditFixture(dir);
    }

    @AfterEach
    void stop() {
        f.close();
        Logger.getLogger("").removeHandler(capture);
    }

    private List<AuditEvent> assumeRoleEvents() {
        return f.engine.auditLog().query(AuditQuery.all().forEvent("AssumeRole"));
    }

    @Test
    void assumeRole_isRecordedLikeCloudTrail_withoutTheSecretOrTheToken() throws Exception {
        AssumeRoleResponse r;
        try (StsClient sts = f.sts(StsAuditFixture.basic(f.alice))) {
            r = sts.assumeRole(b -> b.roleArn(OPS).roleSessionName("nightly").durationSeconds(1800)
                    .externalId("build-7"));
        }
        String keyId = f.keyForRootAndOps();
        try (KmsClient asOps = f.kms(SdkStsTest.session(r))) {
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
        List<String> lines = f.auditText().lines().toList();
        JsonNode line = lines.stream().map(StsAuditFixture::parse)
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
        assertThat(lines.stream().map(StsAuditFixture::parse).filter(n -> n.path("eventName").asText()
                .equals("Encrypt")).findFirst().orElseThrow().path("principalArn").asText()).isEqualTo(sessionArn);

        String everything = String.join("\n", lines) + f.engine.auditLog().all() + logged;
        assertThat(everything).doesNotContain(r.credentials().secretAccessKey())
                .doesNotContain(r.credentials().sessionToken());
    }

    @Test
    void refusedAssumeRoles_areRecordedWithTheErrorTheCallerGot() throws Exception {
        try (StsClient asBob = f.sts(StsAuditFixture.basic(f.bob));
             StsClient asAlice = f.sts(StsAuditFixture.basic(f.alice))) {
            StsException denied = refused(() -> asBob.assumeRole(b -> b.roleArn(OPS).roleSessionName("bob")));
            StsException unknown = refused(() -> asAlice.assumeRole(b -> b.roleArn("arn:aws:iam::" + ACCOUNT
                    + ":role/Nobody").roleSessionName("alice")));
            StsException tooLong = refused(() -> asAlice.assumeRole(b -> b.roleArn(OPS).roleSessionName("long")
                    .durationSeconds(7200)));
            StsException tooShort = refused(() -> asAlice.assumeRole(b -> b.roleArn(OPS).roleSessionName("short")
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
            assertThat(StsAuditFixture.named(f.auditLines(), "AssumeRole").stream()
                    .map(n -> n.path("errorCode").asText())).containsExactly("AccessDenied", "AccessDenied",
                    "ValidationError", "ValidationError");
        }
    }

    private static StsException refused(Runnable call) {
        return StsAuditFixture.refusal(StsException.class, call);
    }
}
