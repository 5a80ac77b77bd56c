package dev.kmslab.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kmslab.server.RawKmsClient.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The custom key store operations on the wire: the lab's Pkcs11Token member, AWS's response shapes and errors. */
class CustomKeyStoreWireTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static ServerFixture fixture;
    private static RawKmsClient raw;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        fixture = new ServerFixture();
        raw = fixture.raw();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static Response call(String operation, String json) throws IOException {
        return raw.call(fixture.root(), operation, json);
    }

    private static JsonNode ok(Response response) throws IOException {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static void assertError(Response response, String type, String messagePart) throws IOException {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("__type").asText()).isEqualTo(type);
        assertThat(body.path("message").asText()).contains(messagePart);
    }

    private static String create(String name, Path module) {
        return "{\"CustomKeyStoreName\":\"" + name + "\",\"KeyStorePassword\":\"1234\",\"Pkcs11Token\":"
                + "{\"ModuleLibrary\":\"" + module + "\",\"TokenLabel\":\"kmslab\"}}";
    }

    @Test
    void createDescribeAndDelete_speakAwsShapes_andNeverEchoThePassword() throws Exception {
        // The module only has to exist to create the store; connecting would load it.
        Path module = Files.createFile(dir.resolve("libpkcs11-test.so"));
        Response created = call("CreateCustomKeyStore", create("wire-store", module));
        String id = ok(created).path("CustomKeyStoreId").asText();
        assertThat(id).matches("cks-[0-9a-f]{17}");

        Response described = call("DescribeCustomKeyStores", "{\"CustomKeyStoreId\":\"" + id + "\"}");
        JsonNode store = ok(described).path("CustomKeyStores").get(0);
        assertThat(store.path("CustomKeyStoreName").asText()).isEqualTo("wire-store");
        assertThat(store.path("ConnectionState").asText()).isEqualTo("DISCONNECTED");
        assertThat(store.has("ConnectionErrorCode")).isFalse();
        assertThat(store.path("CustomKeyStoreType").asText()).isEqualTo("AWS_CLOUDHSM");
        assertThat(store.path("CloudHsmClusterId").asText()).matches("cluster-[a-z2-7]{11}");
        assertThat(store.path("CreationDate").isNumber()).isTrue();
        assertThat(store.path("Pkcs11Token").path("Slot").asText()).isEqualTo("token labelled 'kmslab'");
        assertThat(created.body() + described.body()).doesNotContain("1234\"");

        assertError(call("CreateCustomKeyStore", create("wire-store", module)), "CustomKeyStoreNameInUseException",
                "wire-store");
        assertError(call("DeleteCustomKeyStore", "{}"), "ValidationException", "customKeyStoreId");
        ok(call("DeleteCustomKeyStore", "{\"CustomKeyStoreId\":\"" + id + "\"}"));
        assertError(call("DescribeCustomKeyStores", "{\"CustomKeyStoreId\":\"" + id + "\"}"),
                "CustomKeyStoreNotFoundException", id);
    }

    @Test
    void aMissingModule_isCloudHsmClusterNotFound_andExternalKeyStoresAreRefused() throws Exception {
        assertError(call("CreateCustomKeyStore", create("missing", dir.resolve("absent.so"))),
                "CloudHsmClusterNotFoundException", "absent.so");
        assertError(call("CreateCustomKeyStore", "{\"CustomKeyStoreName\":\"x\",\"CustomKeyStoreType\":"
                + "\"EXTERNAL_KEY_STORE\"}"), "UnsupportedOperationException", "external key stores");
        assertError(call("ConnectCustomKeyStore", "{\"CustomKeyStoreId\":\"cks-00000000000000000\"}"),
                "CustomKeyStoreNotFoundException", "cks-00000000000000000");
    }
}
