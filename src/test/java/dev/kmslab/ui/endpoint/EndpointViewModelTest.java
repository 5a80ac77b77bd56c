package dev.kmslab.ui.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.KmsEngine;
import dev.kmslab.ui.UiTests;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

@ResourceLock(UiTests.JAVAFX)
class EndpointViewModelTest {

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private HttpResponse<String> post(int port) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .header("X-Amz-Target", "TrentService.ListKeys")
                .header("Content-Type", "application/x-amz-json-1.1")
                .timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesTheLabEngineWhileOn_andStopsWhenOff() throws Exception {
        KmsEngine engine = KmsEngine.inMemory();
        EndpointViewModel model = new EndpointViewModel(() -> engine, data, 0);
        assertThat(model.start()).isTrue();
        assertThat(model.runningProperty().get()).isTrue();
        int port = model.server().port();
        assertThat(model.statusProperty().get()).contains("http://127.0.0.1:" + port).contains("test");
        HttpResponse<String> unsigned = post(port);
        assertThat(unsigned.statusCode()).isEqualTo(400);
        assertThat(unsigned.body()).contains("MissingAuthenticationTokenException");
        model.stop();
        assertThat(model.runningProperty().get()).isFalse();
        assertThat(model.statusProperty().get()).startsWith("Off");
        assertThatThrownBy(() -> post(port)).isInstanceOf(IOException.class);
    }

    @Test
    void issuedAccessKey_signsCallsAsThatPrincipal() throws Exception {
        KmsEngine engine = KmsEngine.inMemory();
        engine.principals().createRole(engine.account(), "Reader");
        String role = "arn:aws:iam::" + engine.account() + ":role/Reader";
        EndpointViewModel model = new EndpointViewModel(() -> engine, data, 0);
        assertThatThrownBy(() -> model.issueAccessKey(role)).isInstanceOf(IllegalStateException.class);
        model.start();
        try {
            dev.kmslab.server.auth.Credential key = model.issueAccessKey(role);
            assertThat(key.principalArn()).isEqualTo(role);
            assertThat(key.accessKeyId()).isNotEqualTo("test");
            try (software.amazon.awssdk.services.kms.KmsClient kms = client(model.server().port(), key)) {
                // The role has no IAM policy, so even listing keys is refused, and the message names the role.
                assertThatThrownBy(kms::listKeys)
                        .isInstanceOf(software.amazon.awssdk.services.kms.model.KmsException.class)
                        .hasMessageContaining("role/Reader");
            }
        } finally {
            model.stop();
        }
    }

    private static software.amazon.awssdk.services.kms.KmsClient client(int port,
                                                                         dev.kmslab.server.auth.Credential key) {
        return software.amazon.awssdk.services.kms.KmsClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + port))
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(key.accessKeyId(),
                                key.secretAccessKey())))
                .build();
    }

    @Test
    void refusesToStartBeforeTheLabEngineIsOpen() {
        EndpointViewModel model = new EndpointViewModel(() -> null, data, 0);
        assertThat(model.start()).isFalse();
        assertThat(model.runningProperty().get()).isFalse();
        assertThat(model.statusProperty().get()).contains("still opening");
    }

    @Test
    void servesBothLabAccounts_aPartnerKeyMadeInTheKeyLab_encryptsWithPartnerCredentials() throws Exception {
        dev.kmslab.engine.LabAccounts accounts = dev.kmslab.engine.LabAccounts.inMemory(
                dev.kmslab.engine.EngineConfig.defaults());
        dev.kmslab.ui.keylab.common.KeyLabSession session = dev.kmslab.ui.keylab.common.KeyLabSession.of(accounts,
                dev.kmslab.ui.common.UiExecutor.synchronous());
        session.accountProperty().set(dev.kmslab.engine.LabAccounts.PARTNER_ACCOUNT);
        String partnerKeyId = session.engine().createKey(session.caller(),
                dev.kmslab.engine.model.CreateKeyRequest.symmetric()).keyMetadata().keyId();
        EndpointViewModel model = new EndpointViewModel(session::engine, session::accounts, data, 0);
        assertThat(model.partnerCredentials()).isEmpty();
        assertThat(model.start()).isTrue();
        dev.kmslab.server.auth.Credential partner;
        try {
            partner = model.partnerCredentials().orElseThrow();
            assertThat(partner.principalArn()).isEqualTo("arn:aws:iam::444455556666:root");
            assertThat(model.statusProperty().get()).contains("111122223333: access key test / secret test")
                    .contains("Partner 444455556666: access key " + partner.accessKeyId() + " / secret "
                            + partner.secretAccessKey());
            try (software.amazon.awssdk.services.kms.KmsClient asPartner = client(model.server().port(), partner);
                 software.amazon.awssdk.services.kms.KmsClient asHome = client(model.server().port(),
                         new dev.kmslab.server.auth.Credential("test", "test", "arn:aws:iam::111122223333:root"))) {
                software.amazon.awssdk.core.SdkBytes blob = asPartner.encrypt(b -> b.keyId(partnerKeyId)
                        .plaintext(software.amazon.awssdk.core.SdkBytes.fromUtf8String("partner data")))
                        .ciphertextBlob();
                assertThat(asPartner.decrypt(b -> b.ciphertextBlob(blob)).plaintext().asUtf8String())
                        .isEqualTo("partner data");
                assertThat(asPartner.describeKey(b -> b.keyId(partnerKeyId)).keyMetadata().arn())
                        .startsWith("arn:aws:kms:us-east-1:444455556666:key/");
                // The home account's root neither lists nor may use Partner's key (its policy names Partner only).
                assertThat(asHome.listKeys().keys()).extracting(k -> k.keyId()).doesNotContain(partnerKeyId);
                String arn = "arn:aws:kms:us-east-1:444455556666:key/" + partnerKeyId;
                assertThatThrownBy(() -> asHome.encrypt(b -> b.keyId(arn).plaintext(
                        software.amazon.awssdk.core.SdkBytes.fromUtf8String("x"))))
                        .isInstanceOfSatisfying(software.amazon.awssdk.services.kms.model.KmsException.class, e ->
                                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException"))
                        .hasMessageContaining("no resource-based policy allows the kms:Encrypt action");
            }
        } finally {
            model.stop();
        }
        // The Partner key is kept and shown again at the next start, not issued anew.
        assertThat(model.start()).isTrue();
        try {
            assertThat(model.partnerCredentials()).contains(partner);
        } finally {
            model.stop();
        }
    }
}
