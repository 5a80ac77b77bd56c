package dev.kmslab.server;

import static dev.kmslab.server.StsAuditFixture.named;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kmslab.engine.audit.AuditLog;
import dev.kmslab.server.auth.Credential;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * Who signed each call, in the audit file as CloudTrail's {@code userIdentity} ({@code type}, {@code arn},
 * {@code accountId}, {@code accessKeyId}): KMS calls and STS calls over the wire with the SDK, a session's temporary
 * {@code ASIA…} key id, GetCallerIdentity recorded, and AssumeRole/GetCallerIdentity refused before authentication
 * (unknown key, wrong secret, expired session) recorded with the key id presented and no principal; KMS calls refused
 * before authentication (those and a missing Authorization header) recorded the same way under the operation their
 * X-Amz-Target names. No secret, session token or signature in the file.
 */
class SdkAuditIdentityTest {

    private static final String ACCOUNT = StsAuditFixture.ACCOUNT;
    private static final String OPS = StsAuditFixture.OPS;
    private static final String ALICE = StsAuditFixture.ALICE;
    private static final ObjectMapper JSON = StsAuditFixture.JSON;

    @TempDir
    Path dir;

    private StsAuditFixture f;
    private Credential alice;

    @BeforeEach
    void start() throws Exception {
        f = new StsAuditFixture(dir);
        alice = f.alice;
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private StsClient sts(String keyId, String secret) {
        return f.sts(AwsBasicCredentials.create(keyId, secret));
    }

    @Test
    void everyCallOverTheWire_namesTheAccessKeyThatSignedIt_aSessionItsTemporaryKey() throws Exception {
        AssumeRoleResponse session;
        try (StsClient asAlice = sts(alice.accessKeyId(), alice.secretAccessKey())) {
            assertThat(asAlice.getCallerIdentity().arn()).isEqualTo(ALICE);
            session = asAlice.assumeRole(b -> b.roleArn(OPS).roleSessionName("nightly"));
        }
        String tempKey = session.credentials().accessKeyId();
        assertThat(tempKey).startsWith("ASIA");
        String sessionArn = "arn:aws:sts::" + ACCOUNT + ":assumed-role/Ops/nightly";
        String keyId = f.keyForRootAndOps();
        try (KmsClient asOps = f.kms(SdkStsTest.session(session));
             StsClient stsAsOps = f.sts(SdkStsTest.session(session))) {
            asOps.encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromUtf8String("x")));
            assertThat(stsAsOps.getCallerIdentity().arn()).isEqualTo(sessionArn);
        }
        // A call made in the app has no access key, so no userIdentity.
        f.engine.listKeys(dev.kmslab.engine.CallerContext.root(ACCOUNT),
                dev.kmslab.engine.model.ListKeysRequest.firstPage());

        List<JsonNode> lines = f.auditLines();
        List<JsonNode> identities = named(lines, "GetCallerIdentity");
        assertThat(identities).hasSize(2);
        assertThat(identities).allSatisfy(n -> {
            assertThat(n.path("eventSource").asText()).isEqualTo("sts.amazonaws.com");
            assertThat(n.path("errorCode").isNull()).isTrue();
            assertThat(n.path("requestParameters").size()).isZero();
        });
        assertThat(identities.get(0).path("userIdentity")).isEqualTo(JSON.readTree("{\"type\":\"IAMUser\","
                + "\"arn\":\"" + ALICE + "\",\"accountId\":\"" + ACCOUNT + "\",\"accessKeyId\":\""
                + alice.accessKeyId() + "\"}"));
        assertThat(identities.get(1).path("userIdentity")).isEqualTo(JSON.readTree("{\"type\":\"AssumedRole\","
                + "\"arn\":\"" + sessionArn + "\",\"accountId\":\"" + ACCOUNT + "\",\"accessKeyId\":\"" + tempKey
                + "\"}"));
        assertThat(named(lines, "AssumeRole").get(0).path("userIdentity").path("accessKeyId").asText())
                .isEqualTo(alice.accessKeyId());
        JsonNode create = named(lines, "CreateKey").get(0);
        assertThat(create.path("userIdentity").path("type").asText()).isEqualTo("Root");
        assertThat(create.path("userIdentity").path("accessKeyId").asText()).isEqualTo("test");
        JsonNode encrypt = named(lines, "Encrypt").get(0);
        assertThat(encrypt.path("principalArn").asText()).isEqualTo(sessionArn);
        assertThat(encrypt.path("userIdentity").path("accessKeyId").asText()).isEqualTo(tempKey);
        assertThat(named(lines, "ListKeys").get(0).has("userIdentity")).isFalse();
        // Read back, the event keeps the key id.
        assertThat(f.engine.auditLog().all()).filteredOn(e -> e.eventName().equals("Encrypt"))
                .extracting(dev.kmslab.engine.audit.AuditEvent::accessKeyId).containsExactly(tempKey);
        assertThat(AuditLog.readTrail(f.auditFile)).filteredOn(e -> e.eventName().equals("Encrypt"))
                .extracting(dev.kmslab.engine.audit.AuditEvent::accessKeyId).containsExactly(tempKey);

        String file = f.auditText();
        assertThat(file).doesNotContain(session.credentials().secretAccessKey())
                .doesNotContain(session.credentials().sessionToken()).doesNotContain(alice.secretAccessKey());
    }

    @Test
    void callsRefusedBeforeAuthentication_areAudited_withThePresentedKeyAndNoPrincipal() throws Exception {
        AssumeRoleResponse session;
        try (StsClient asAlice = sts(alice.accessKeyId(), alice.secretAccessKey())) {
            session = asAlice.assumeRole(b -> b.roleArn(OPS).roleSessionName("short").durationSeconds(900));
        }
        StsException unknown;
        StsException badSecret;
        StsException badSecretIdentity;
        StsException expired;
        try (StsClient stranger = sts("AKIAIOSFODNN7EXAMPLE", "not-a-lab-secret");
             StsClient wrongSecret = sts(alice.accessKeyId(), "wrong" + alice.secretAccessKey())) {
            unknown = refused(() -> stranger.assumeRole(b -> b.roleArn(OPS).roleSessionName("intruder")));
            badSecret = refused(() -> wrongSecret.assumeRole(b -> b.roleArn(OPS).roleSessionName("guess")));
            badSecretIdentity = refused(wrongSecret::getCallerIdentity);
        }
        f.engine.advanceClock(Duration.ofSeconds(901));
        try (StsClient asExpired = f.sts(SdkStsTest.session(session))) {
            expired = refused(() -> asExpired.assumeRole(b -> b.roleArn(OPS).roleSessionName("again")));
        }
        assertThat(unknown.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
        assertThat(badSecret.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
        assertThat(badSecretIdentity.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
        assertThat(expired.awsErrorDetails().errorCode()).isEqualTo("ExpiredToken");

        List<JsonNode> lines = f.auditLines();
        List<JsonNode> refused = named(lines, "AssumeRole").stream().filter(n -> !n.path("errorCode").isNull())
                .toList();
        assertThat(refused).extracting(n -> n.path("errorCode").asText())
                .containsExactly("InvalidClientTokenId", "SignatureDoesNotMatch", "ExpiredToken");
        assertThat(refused).extracting(n -> n.path("errorMessage").asText()).containsExactly(
                unknown.awsErrorDetails().errorMessage(), badSecret.awsErrorDetails().errorMessage(),
                expired.awsErrorDetails().errorMessage());
        assertThat(refused).extracting(n -> n.path("userIdentity").path("accessKeyId").asText()).containsExactly(
                "AKIAIOSFODNN7EXAMPLE", alice.accessKeyId(), session.credentials().accessKeyId());
        assertThat(refused).allSatisfy(n -> {
            assertThat(n.path("eventSource").asText()).isEqualTo("sts.amazonaws.com");
            assertThat(n.path("principalArn").isNull()).isTrue();
            assertThat(n.path("userIdentity").has("arn")).isFalse();
            assertThat(n.has("responseElements")).isFalse();
            assertThat(n.path("authorizationExplanation").asText()).startsWith("Refused before authentication: ");
        });
        assertThat(refused.get(0).path("requestParameters").path("roleSessionName").asText()).isEqualTo("intruder");
        assertThat(refused.get(0).path("authorizationExplanation").asText())
                .contains("presented access key AKIAIOSFODNN7EXAMPLE");
        JsonNode identity = named(lines, "GetCallerIdentity").get(0);
        assertThat(identity.path("errorCode").asText()).isEqualTo("SignatureDoesNotMatch");
        assertThat(identity.path("userIdentity").path("accessKeyId").asText()).isEqualTo(alice.accessKeyId());
        assertThat(f.auditText()).doesNotContain(alice.secretAccessKey())
                .doesNotContain(session.credentials().secretAccessKey())
                .doesNotContain(session.credentials().sessionToken());
    }

    @Test
    void kmsCallsRefusedBeforeAuthentication_areAudited_withThePresentedKeyAndNoPrincipal() throws Exception {
        AssumeRoleResponse session;
        try (StsClient asAlice = sts(alice.accessKeyId(), alice.secretAccessKey())) {
            session = asAlice.assumeRole(b -> b.roleArn(OPS).roleSessionName("short").durationSeconds(900));
        }
        String keyId = f.keyForRootAndOps();
        List<String> authorizations = new CopyOnWriteArrayList<>();
        KmsException unknown;
        KmsException badSecret;
        KmsException expired;
        try (KmsClient stranger = kms(AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "not-a-lab-secret"),
                authorizations);
             KmsClient wrongSecret = kms(AwsBasicCredentials.create(alice.accessKeyId(), "wrong"
                     + alice.secretAccessKey()), authorizations)) {
            unknown = refusedByKms(() -> stranger.encrypt(b -> b.keyId(keyId)
                    .plaintext(SdkBytes.fromUtf8String("stranger's plaintext"))));
            badSecret = refusedByKms(() -> wrongSecret.decrypt(b -> b.keyId(keyId)
                    .ciphertextBlob(SdkBytes.fromUtf8String("not a blob"))));
        }
        f.engine.advanceClock(Duration.ofSeconds(901));
        try (KmsClient asExpired = kms(SdkStsTest.session(session), authorizations)) {
            expired = refusedByKms(() -> asExpired.generateDataKey(b -> b.keyId(keyId).numberOfBytes(32)));
        }
        RawKmsClient raw = new RawKmsClient(f.server.endpoint());
        Map<String, String> unsigned = new LinkedHashMap<>();
        unsigned.put("host", raw.host());
        unsigned.put("content-type", "application/x-amz-json-1.1");
        unsigned.put("x-amz-target", "TrentService.ListKeys");
        RawKmsClient.Response missing = raw.send(RawKmsClient.request("POST", unsigned, "{}".getBytes()));
        // A name that is no KMS operation is refused the same way but not recorded.
        unsigned.put("x-amz-target", "TrentService.FillTheTrail");
        assertThat(raw.send(RawKmsClient.request("POST", unsigned, "{}".getBytes())).body())
                .contains("MissingAuthenticationTokenException");

        assertThat(unknown.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
        assertThat(badSecret.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
        assertThat(expired.awsErrorDetails().errorCode()).isEqualTo("ExpiredTokenException");
        JsonNode missingBody = JSON.readTree(missing.body());
        assertThat(missingBody.path("__type").asText()).isEqualTo("MissingAuthenticationTokenException");

        List<JsonNode> refused = f.auditLines().stream().filter(n -> !n.path("errorCode").isNull()
                && !n.has("eventSource")).toList();
        assertThat(refused).extracting(n -> n.path("eventName").asText())
                .containsExactly("Encrypt", "Decrypt", "GenerateDataKey", "ListKeys");
        assertThat(refused).extracting(n -> n.path("errorCode").asText()).containsExactly(
                "UnrecognizedClientException", "InvalidSignatureException", "ExpiredTokenException",
                "MissingAuthenticationTokenException");
        assertThat(refused).extracting(n -> n.path("errorMessage").asText()).containsExactly(
                unknown.awsErrorDetails().errorMessage(), badSecret.awsErrorDetails().errorMessage(),
                expired.awsErrorDetails().errorMessage(), missingBody.path("message").asText());
        assertThat(refused).extracting(n -> n.path("userIdentity").path("accessKeyId").asText()).containsExactly(
                "AKIAIOSFODNN7EXAMPLE", alice.accessKeyId(), session.credentials().accessKeyId(), "");
        assertThat(refused).allSatisfy(n -> {
            assertThat(n.path("principalArn").isNull()).isTrue();
            assertThat(n.path("userIdentity").has("arn")).isFalse();
            assertThat(n.path("keyArn").isNull()).isTrue();
            assertThat(n.path("requestParameters").size()).isZero();
            assertThat(n.path("awsRegion").asText()).isEqualTo("us-east-1");
            assertThat(n.path("authorizationExplanation").asText()).startsWith("Refused before authentication: ");
        });
        assertThat(refused.get(0).path("authorizationExplanation").asText())
                .contains("presented access key AKIAIOSFODNN7EXAMPLE");
        assertThat(refused.get(3).path("authorizationExplanation").asText())
                .endsWith("(the request named no access key)");
        assertThat(named(f.auditLines(), "FillTheTrail")).isEmpty();
        // The same events in the trail the app reads.
        assertThat(f.engine.auditLog().all()).filteredOn(e -> e.isError() && e.principalArn() == null
                && e.eventSource() == null).extracting(dev.kmslab.engine.audit.AuditEvent::eventName)
                .containsExactly("Encrypt", "Decrypt", "GenerateDataKey", "ListKeys");

        // No secret, session token, signature or plaintext in the file.
        assertThat(authorizations).hasSize(3);
        String file = f.auditText();
        assertThat(file).doesNotContain(alice.secretAccessKey()).doesNotContain("not-a-lab-secret")
                .doesNotContain(session.credentials().secretAccessKey())
                .doesNotContain(session.credentials().sessionToken())
                .doesNotContain("stranger's plaintext").doesNotContain("Signature=");
        for (String authorization : authorizations) {
            assertThat(file).doesNotContain(authorization.substring(authorization.indexOf("Signature=")
                    + "Signature=".length()));
        }
    }

    /** A KMS client that notes each request's Authorization header, to look for its signature afterwards. */
    private KmsClient kms(AwsCredentials credentials, List<String> authorizations) {
        ExecutionInterceptor note = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                context.httpRequest().firstMatchingHeader("Authorization").ifPresent(authorizations::add);
            }
        };
        return KmsClient.builder().endpointOverride(f.server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .addExecutionInterceptor(note)).build();
    }

    private static KmsException refusedByKms(Runnable call) {
        return StsAuditFixture.refusal(KmsException.class, call);
    }

    private static StsException refused(Runnable call) {
        return StsAuditFixture.refusal(StsException.class, call);
    }
}
