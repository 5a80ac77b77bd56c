package dev.kmslab.server;

import dev.kmslab.engine.KmsEngine;
import dev.kmslab.server.auth.AccessKeyStore;
import dev.kmslab.server.auth.Credential;
import java.io.IOException;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * An in-memory engine behind a server on a free loopback port, the default {@code test}/{@code test} key of the
 * account root and a second key issued to {@code role/App}, which the current default authorizer denies.
 */
final class ServerFixture implements AutoCloseable {

    static final String APP_ROLE = "arn:aws:iam::111122223333:role/App";

    final KmsEngine engine = KmsEngine.inMemory();
    final AccessKeyStore keys = AccessKeyStore.inMemory(engine.account());
    final Credential appRoleKey;
    final KmsHttpServer server;

    ServerFixture() throws IOException {
        appRoleKey = keys.issueAccessKey(APP_ROLE);
        // Every server test shares one JVM, and the JDK server reads its request timeout once: short enough for the
        // stalled-client test, long enough that SDK calls on a loaded 2-core machine are not cut off (2 s were).
        server = KmsHttpServer.start(engine, ServerConfig.defaults(keys).withPort(0)
                .withRequestTimeout(Duration.ofSeconds(8)));
    }

    Credential root() {
        return keys.defaultCredential();
    }

    RawKmsClient raw() {
        return new RawKmsClient(server.endpoint());
    }

    KmsClient sdk(Credential credential) {
        return KmsClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        credential.accessKeyId(), credential.secretAccessKey())))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    @Override
    public void close() {
        server.stop();
    }
}
