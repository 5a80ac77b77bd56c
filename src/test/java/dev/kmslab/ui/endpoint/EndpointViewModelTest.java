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
}
