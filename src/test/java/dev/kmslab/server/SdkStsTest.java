package dev.kmslab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.EngineConfig;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.SimulatedClock;
import dev.kmslab.engine.audit.AuditEvent;
import dev.kmslab.engine.audit.AuditQuery;
import dev.kmslab.engine.policy.IamRole;
import dev.kmslab.engine.policy.PrincipalIds;
import dev.kmslab.server.auth.AccessKeyStore;
import dev.kmslab.server.auth.Credential;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * STS on the endpoint through the real SDK: GetCallerIdentity, AssumeRole decided by the trust policy, KMS calls
 * with the session's credentials (audited as the session), expiry on the engine's clock, and the token required.
 */
class SdkStsTest {

    private static final String ACCOUNT = EngineConfig.DEFAULT_ACCOUNT;
    private static final String OPS = "arn:aws:iam::" + ACCOUNT + ":role/Ops";

    private static SimulatedClock clock;
    private static KmsEngine engine;
    private static AccessKeyStore keys;
    private static KmsHttpServer server;
    private static Credential alice;
    private static Credential bob;

    @BeforeAll
    static void start() throws Exception {
        clock = new SimulatedClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        engine = KmsEngine.open(EngineConfig.defaults().withClock(clock));
        engine.principals().createRole(ACCOUNT, "Ops");
        engine.principals().createUser(ACCOUNT, "alice");
        engine.principals().createUser(ACCOUNT, "bob");
        engine.principals().attachUserPolicy(ACCOUNT, "alice", "AssumeOps", "{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"" + OPS
                + "\"}]}");
        keys = AccessKeyStore.inMemory(ACCOUNT);
        alice = keys.issueAccessKey("arn:aws:iam::" + ACCOUNT + ":user/alice");
        bob = keys.issueAccessKey("arn:aws:iam::" + ACCOUNT + ":user/bob");
        server = KmsHttpServer.start(engine, ServerConfig.defaults(keys).withPort(0)
                .withRequestTimeout(Duration.ofSeconds(8)));
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static StsClient sts(URI endpoint, AwsCredentials credentials) {
        return StsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    static KmsClient kms(URI endpoint, AwsCredentials credentials) {
        return KmsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    private static AwsCredentials basic(Credential c) {
        return AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey());
    }

    static AwsSessionCredentials session(AssumeRoleResponse r) {
        return AwsSessionCredentials.create(r.credentials().accessKeyId(), r.credentials().secretAccessKey(),
                r.credentials().sessionToken());
    }

    private static String keyForOps() {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"arn:aws:iam::" + ACCOUNT + ":root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"},{\"Effect\":"
                + "\"Allow\",\"Principal\":{\"AWS\":\"" + OPS + "\"},\"Action\":[\"kms:Encrypt\",\"kms:Decrypt\"],"
                + "\"Resource\":\"*\"}]}";
        try (KmsClient root = kms(server.endpoint(), AwsBasicCredentials.create("test", "test"))) {
            return root.createKey(b -> b.policy(policy)).keyMetadata().keyId();
        }
    }

    @Test
    void getCallerIdentity_namesTheRootAndTheUser() {
        try (StsClient root = sts(server.endpoint(), AwsBasicCredentials.create("test", "test"));
             StsClient user = sts(server.endpoint(), basic(alice))) {
            GetCallerIdentityResponse me = root.getCallerIdentity();
            assertThat(me.account()).isEqualTo(ACCOUNT);
            assertThat(me.arn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":root");
            assertThat(me.userId()).isEqualTo(ACCOUNT);
            GetCallerIdentityResponse her = user.getCallerIdentity();
            assertThat(her.arn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":user/alice");
            assertThat(her.userId()).startsWith("AIDA").hasSize(20);
        }
    }

    @Test
    void assumeRole_thenEncryptWithTheSession_isAuditedAsTheSession() {
        String keyId = keyForOps();
        try (StsClient user = sts(server.endpoint(), basic(alice))) {
            AssumeRoleResponse r = user.assumeRole(b -> b.roleArn(OPS).roleSessionName("alice-build"));
            assertThat(r.credentials().accessKeyId()).startsWith("ASIA").hasSize(20);
            assertThat(r.credentials().expiration()).isEqualTo(clock.now().plusSeconds(3600));
            String sessionArn = "arn:aws:sts::" + ACCOUNT + ":assumed-role/Ops/alice-build";
            assertThat(r.assumedRoleUser().arn()).isEqualTo(sessionArn);
            assertThat(r.assumedRoleUser().assumedRoleId())
                    .isEqualTo(PrincipalIds.roleId(new IamRole(ACCOUNT, "Ops")) + ":alice-build");

            try (KmsClient asOps = kms(server.endpoint(), session(r));
                 StsClient stsAsOps = sts(server.endpoint(), session(r))) {
                SdkBytes blob = asOps.encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromUtf8String("build 7")))
                        .ciphertextBlob();
                assertThat(asOps.decrypt(b -> b.ciphertextBlob(blob)).plaintext().asUtf8String())
                        .isEqualTo("build 7");
                List<AuditEvent> encrypts = engine.auditLog().query(AuditQuery.all().forEvent("Encrypt"));
                assertThat(encrypts.get(encrypts.size() - 1).principalArn()).isEqualTo(sessionArn);
                assertThat(stsAsOps.getCallerIdentity().arn()).isEqualTo(sessionArn);
            }
        }
    }

    @Test
    void aSessionExpiresOnTheEngineClock() {
        String keyId = keyForOps();
        try (StsClient user = sts(server.endpoint(), basic(alice))) {
            AssumeRoleResponse r = user.assumeRole(b -> b.roleArn(OPS).roleSessionName("short")
                    .durationSeconds(900));
            try (KmsClient asOps = kms(server.endpoint(), session(r));
                 StsClient stsAsOps = sts(server.endpoint(), session(r))) {
                asOps.encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromUtf8String("x")));
                engine.advanceClock(Duration.ofSeconds(900));
                assertThatThrownBy(() -> asOps.encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromUtf8String("x"))))
                        .isInstanceOfSatisfying(KmsException.class, e -> {
                            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExpiredTokenException");
                            assertThat(e.awsErrorDetails().errorMessage()).contains("expired");
                        });
                assertThatThrownBy(stsAsOps::getCallerIdentity).isInstanceOfSatisfying(StsException.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExpiredToken"));
            }
        }
    }

    @Test
    void aUserTheTrustPolicyDoesNotLetIn_isAccessDenied() {
        try (StsClient user = sts(server.endpoint(), basic(bob))) {
            assertThatThrownBy(() -> user.assumeRole(b -> b.roleArn(OPS).roleSessionName("bob")))
                    .isInstanceOfSatisfying(StsException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                        assertThat(e.awsErrorDetails().errorMessage()).startsWith("User: arn:aws:iam::" + ACCOUNT
                                + ":user/bob is not authorized to perform: sts:AssumeRole on resource: " + OPS);
                    });
        }
    }

    @Test
    void durationBeyondTheRolesMaximum_isAValidationError() {
        try (StsClient user = sts(server.endpoint(), basic(alice))) {
            assertThatThrownBy(() -> user.assumeRole(b -> b.roleArn(OPS).roleSessionName("long")
                    .durationSeconds(7200))).isInstanceOfSatisfying(StsException.class, e ->
                    assertThat(e.awsErrorDetails().errorMessage()).contains("MaxSessionDuration"));
            assertThatThrownBy(() -> user.assumeRole(b -> b.roleArn(OPS).roleSessionName("tiny")
                    .durationSeconds(60))).isInstanceOfSatisfying(StsException.class, e ->
                    assertThat(e.awsErrorDetails().errorMessage()).contains("greater than or equal to 900"));
        }
    }

    @Test
    void sessionKeysWithoutTheirToken_areRefused() {
        try (StsClient user = sts(server.endpoint(), basic(alice))) {
            AssumeRoleResponse r = user.assumeRole(b -> b.roleArn(OPS).roleSessionName("no-token"));
            try (KmsClient noToken = kms(server.endpoint(), AwsBasicCredentials.create(
                    r.credentials().accessKeyId(), r.credentials().secretAccessKey()))) {
                assertThatThrownBy(() -> noToken.listKeys()).isInstanceOfSatisfying(KmsException.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException"));
            }
        }
    }
}
