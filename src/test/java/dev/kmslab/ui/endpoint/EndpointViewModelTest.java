package dev.kmslab.ui.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.KmsEngine;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void refusesToStartBeforeTheLabEngineIsOpen() {
        EndpointViewModel model = new EndpointViewModel(() -> null, data, 0);
        assertThat(model.start()).isFalse();
        assertThat(model.runningProperty().get()).isFalse();
        assertThat(model.statusProperty().get()).contains("still opening");
    }
}
