package dev.kmslab.server;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.TrustManagerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.TlsTrustManagersProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

/** AWS SDK clients for an HTTPS endpoint that trust exactly one certificate (as a student's would). */
final class TlsClients {

    private TlsClients() {
    }

    static X509Certificate readCertificate(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    /** A KMS client for {@code endpoint} in us-east-1 whose only trusted certificate is the one in {@code pem}. */
    static KmsClient trusting(Path pem, URI endpoint, String accessKeyId, String secretAccessKey) throws Exception {
        return KmsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId,
                        secretAccessKey)))
                .httpClientBuilder(Apache5HttpClient.builder().tlsTrustManagersProvider(trustOnly(pem)))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /** An HTTP client trusting only {@code pem}, to share between many KMS clients (closed by the caller). */
    static SdkHttpClient httpClientTrusting(Path pem) throws Exception {
        return Apache5HttpClient.builder().tlsTrustManagersProvider(trustOnly(pem)).build();
    }

    /** A KMS client over a shared HTTP client (which it does not close). */
    static KmsClient over(SdkHttpClient http, URI endpoint, String accessKeyId, String secretAccessKey) {
        return KmsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId,
                        secretAccessKey)))
                .httpClient(http)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    private static TlsTrustManagersProvider trustOnly(Path pem) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("kmslab", readCertificate(pem));
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        return factory::getTrustManagers;
    }

    /** The same client trusting only the JDK's default certificate authorities (which never signed ours). */
    static KmsClient trustingDefaults(URI endpoint, String accessKeyId, String secretAccessKey) {
        return KmsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId,
                        secretAccessKey)))
                .httpClientBuilder(Apache5HttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }
}
