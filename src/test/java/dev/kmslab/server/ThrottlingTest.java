package dev.kmslab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.audit.AuditEvent;
import dev.kmslab.engine.audit.AuditQuery;
import dev.kmslab.server.auth.AccessKeyStore;
import dev.kmslab.server.auth.Credential;
import dev.kmslab.server.limits.RateLimit;
import dev.kmslab.server.limits.TokenBuckets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KmsException;

/**
 * Per-access-key rate limits: over its bucket a key gets KMS's ThrottlingException (HTTP 400), the audit log shows
 * the throttled call under its principal, other keys are unaffected, and the key recovers as its bucket refills.
 * Time is a counter the test moves, so nothing waits.
 */
class ThrottlingTest {

    private final AtomicLong nanos = new AtomicLong();
    private final KmsEngine engine = KmsEngine.inMemory();
    private final AccessKeyStore keys = AccessKeyStore.inMemory(engine.account());
    private KmsHttpServer server;
    private Credential bob;

    @BeforeEach
    void start() throws Exception {
        engine.principals().createUser(engine.account(), "bob");
        bob = keys.issueAccessKey("arn:aws:iam::111122223333:user/bob");
        server = KmsHttpServer.start(engine, ServerConfig.defaults(keys).withPort(0),
                Safeguards.none().withRateLimits(new TokenBuckets(new RateLimit(1, 2), nanos::get)));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void overItsBucket_aKeyGetsThrottlingException_auditedAsThrottled_andRecoversWhenItRefills() throws Exception {
        RawKmsClient raw = new RawKmsClient(server.endpoint());
        Credential root = keys.defaultCredential();

        assertThat(raw.call(root, "ListKeys", "{}").status()).isEqualTo(200);
        assertThat(raw.call(root, "ListKeys", "{}").status()).isEqualTo(200);
        RawKmsClient.Response throttled = raw.call(root, "GenerateRandom", "{\"NumberOfBytes\": 16}");

        assertThat(throttled.status()).isEqualTo(400);
        assertThat(throttled.body()).isEqualTo("{\"__type\":\"ThrottlingException\",\"message\":\"You have exceeded "
                + "the rate at which you may call KMS. Reduce the frequency of your calls.\"}");
        List<AuditEvent> events = engine.auditLog().query(AuditQuery.all().onlyErrors());
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.eventName()).isEqualTo("GenerateRandom");
            assertThat(e.principalArn()).isEqualTo("arn:aws:iam::111122223333:root");
            assertThat(e.errorCode()).isEqualTo("ThrottlingException");
            assertThat(e.requestId()).isEqualTo(throttled.headers().get("x-amzn-requestid"));
            assertThat(e.authorizationExplanation()).isEqualTo("Throttled by the lab endpoint before reaching KMS: "
                    + "access key test is limited to 1 requests/s per access key, bursts of 2.");
        });

        // Another student's key has its own bucket.
        assertThat(raw.call(bob, "GenerateRandom", "{\"NumberOfBytes\": 16}").body())
                .doesNotContain("ThrottlingException");

        nanos.addAndGet(1_000_000_000L);
        assertThat(raw.call(root, "ListKeys", "{}").status()).isEqualTo(200);
        assertThat(raw.call(root, "ListKeys", "{}").status()).isEqualTo(400);
    }

    @Test
    void theSdkSeesThrottlingException_asAThrottlingError() {
        Credential root = keys.defaultCredential();
        try (KmsClient sdk = KmsClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        root.accessKeyId(), root.secretAccessKey())))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build()) {
            sdk.listKeys();
            sdk.listKeys();
            assertThatThrownBy(sdk::listKeys).isInstanceOfSatisfying(KmsException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(400);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
                assertThat(e.isThrottlingException()).isTrue();
            });
        }
    }
}
