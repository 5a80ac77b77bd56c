package dev.kmslab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.KmsRegions;
import dev.kmslab.server.auth.AccessKeyStore;
import dev.kmslab.server.auth.Credential;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AlreadyExistsException;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.MultiRegionKeyType;
import software.amazon.awssdk.services.kms.model.ReplicateKeyResponse;
import software.amazon.awssdk.services.kms.model.Tag;

/** Multi-Region keys through the real AWS SDK v2: one endpoint, the Region taken from each client's signature. */
class SdkMultiRegionTest {

    private static KmsRegions regions;
    private static KmsHttpServer server;
    private static Credential root;
    private static KmsClient east;
    private static KmsClient eu;

    @BeforeAll
    static void start() throws Exception {
        regions = KmsRegions.inMemory(dev.kmslab.engine.EngineConfig.defaults());
        AccessKeyStore keys = AccessKeyStore.inMemory(regions.defaultEngine().account());
        root = keys.defaultCredential();
        server = KmsHttpServer.start(regions, ServerConfig.defaults(keys).withPort(0)
                .withRequestTimeout(Duration.ofSeconds(2)));
        east = client(Region.US_EAST_1);
        eu = client(Region.EU_WEST_1);
    }

    private static KmsClient client(Region region) {
        return KmsClient.builder().endpointOverride(server.endpoint()).region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        root.accessKeyId(), root.secretAccessKey())))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    @AfterAll
    static void stop() {
        east.close();
        eu.close();
        server.stop();
    }

    @Test
    void replicateInUsEast1_decryptInEuWest1() {
        String keyId = east.createKey(b -> b.multiRegion(true)).keyMetadata().keyId();

        ReplicateKeyResponse replicated = east.replicateKey(b -> b.keyId(keyId).replicaRegion("eu-west-1")
                .description("Irish copy").tags(Tag.builder().tagKey("team").tagValue("eu").build()));
        SdkBytes blob = east.encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromUtf8String("across the Atlantic")))
                .ciphertextBlob();

        assertThat(replicated.replicaKeyMetadata().arn()).contains(":eu-west-1:").endsWith(keyId);
        assertThat(replicated.replicaTags()).extracting(Tag::tagValue).containsExactly("eu");
        assertThat(replicated.replicaPolicy()).contains("kms:*");
        assertThat(eu.decrypt(b -> b.ciphertextBlob(blob)).plaintext().asUtf8String())
                .isEqualTo("across the Atlantic");
        KeyMetadata inEu = eu.describeKey(b -> b.keyId(keyId)).keyMetadata();
        assertThat(inEu.multiRegionConfiguration().multiRegionKeyType()).isEqualTo(MultiRegionKeyType.REPLICA);
        assertThat(inEu.multiRegionConfiguration().primaryKey().region()).isEqualTo("us-east-1");
        assertThat(inEu.description()).isEqualTo("Irish copy");
        assertThatThrownBy(() -> east.replicateKey(b -> b.keyId(keyId).replicaRegion("eu-west-1")))
                .isInstanceOf(AlreadyExistsException.class);
    }

    @Test
    void updatePrimaryRegion_movesThePrimary() {
        String keyId = east.createKey(b -> b.multiRegion(true)).keyMetadata().keyId();
        east.replicateKey(b -> b.keyId(keyId).replicaRegion("eu-west-1"));

        east.updatePrimaryRegion(b -> b.keyId(keyId).primaryRegion("eu-west-1"));

        assertThat(east.describeKey(b -> b.keyId(keyId)).keyMetadata().multiRegionConfiguration()
                .multiRegionKeyType()).isEqualTo(MultiRegionKeyType.REPLICA);
        assertThat(eu.describeKey(b -> b.keyId(keyId)).keyMetadata().multiRegionConfiguration()
                .replicaKeys()).extracting(k -> k.region()).containsExactly("us-east-1");
    }

    @Test
    void regionTheServerDoesNotSimulate_isRefusedAtTheSignature() {
        try (KmsClient brazil = client(Region.SA_EAST_1)) {
            assertThatThrownBy(() -> brazil.listKeys()).isInstanceOf(KmsException.class)
                    .hasMessageContaining("not 'sa-east-1'");
        }
    }
}
