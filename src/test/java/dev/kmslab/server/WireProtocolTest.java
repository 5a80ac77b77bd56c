package dev.kmslab.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kmslab.server.RawKmsClient.Response;
import dev.kmslab.server.auth.AccessKeyStore;
import dev.kmslab.server.ops.OperationTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The AWS JSON 1.1 wire format byte for byte: response shapes and the exact error for each malformed request. */
class WireProtocolTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static ServerFixture fixture;
    private static RawKmsClient raw;
    private static final List<ServerCall> CALLS = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        fixture = new ServerFixture();
        raw = fixture.raw();
        fixture.server.addListener(CALLS::add);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static Response call(String operation, String json) throws IOException {
        return raw.call(fixture.root(), operation, json);
    }

    private static JsonNode assertError(Response response, int status, String type, String... messageParts)
            throws IOException {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("__type").asText()).isEqualTo(type);
        assertThat(body.path("message").asText()).contains(messageParts);
        return body;
    }

    private static String newKeyId() throws IOException {
        return JSON.readTree(call("CreateKey", "{}").body()).path("KeyMetadata").path("KeyId").asText();
    }

    @Test
    void createKey_respondsWithAwsMemberNamesAndEpochSecondNumbers() throws Exception {
        long before = Instant.now().getEpochSecond() - 2;
        Response response = call("CreateKey", "{\"Description\":\"wire\"}");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers()).containsEntry("content-type", "application/x-amz-json-1.1");
        assertThat(response.headers().get("x-amzn-requestid")).matches("[0-9a-f-]{36}");
        JsonNode meta = JSON.readTree(response.body()).path("KeyMetadata");
        assertThat(meta.path("CreationDate").isNumber()).isTrue();
        assertThat(meta.path("CreationDate").asDouble()).isBetween((double) before, before + 10.0);
        assertThat(meta.path("AWSAccountId").asText()).isEqualTo("111122223333");
        assertThat(meta.path("KeyManager").asText()).isEqualTo("CUSTOMER");
        assertThat(meta.path("Origin").asText()).isEqualTo("AWS_KMS");
        assertThat(meta.path("MultiRegion").isBoolean()).isTrue();
        assertThat(meta.has("DeletionDate")).isFalse();
    }

    @Test
    void encrypt_returnsBase64CiphertextBlob() throws Exception {
        String keyId = newKeyId();
        Response response = call("Encrypt", "{\"KeyId\":\"" + keyId + "\",\"Plaintext\":\"aGVsbG8=\"}");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("CiphertextBlob").isTextual()).isTrue();
        JsonNode decrypted = JSON.readTree(call("Decrypt", "{\"CiphertextBlob\":\""
                + body.path("CiphertextBlob").asText() + "\"}").body());
        assertThat(decrypted.path("Plaintext").asText()).isEqualTo("aGVsbG8=");
        assertThat(decrypted.path("KeyId").asText()).endsWith(keyId);
    }

    @Test
    void voidOperation_answersEmptyObject() throws Exception {
        Response response = call("DisableKey", "{\"KeyId\":\"" + newKeyId() + "\"}");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{}");
    }

    @Test
    void emptyBody_readsAsNoMembers() throws Exception {
        assertThat(call("ListKeys", "").status()).isEqualTo(200);
    }

    @Test
    void unknownOperation_isUnknownOperationException() throws Exception {
        assertError(call("Frobnicate", "{}"), 400, "UnknownOperationException", "TrentService.Frobnicate");
        byte[] noTarget = raw.signedRequest(fixture.root(), "us-east-1", Instant.now(), null, new byte[0]);
        assertError(raw.send(noTarget), 400, "UnknownOperationException", "X-Amz-Target");
        byte[] otherService = raw.signedRequest(fixture.root(), "us-east-1", Instant.now(),
                "DynamoDB_20120810.ListTables", new byte[0]);
        assertError(raw.send(otherService), 400, "UnknownOperationException", "DynamoDB_20120810.ListTables");
    }

    @Test
    void malformedJson_isSerializationExceptionWithPositionOnly() throws Exception {
        JsonNode body = assertError(call("ListKeys", "{\"Limit\": secret-text"), 400, "SerializationException",
                "line 1");
        assertThat(body.path("message").asText()).doesNotContain("secret");
        assertError(call("ListKeys", "[1,2]"), 400, "SerializationException", "JSON object, not array");
    }

    @Test
    void wrongMemberTypes_areSerializationExceptionsNamingTheMember() throws Exception {
        assertError(call("DescribeKey", "{\"KeyId\":5}"), 400, "SerializationException", "'KeyId'", "string");
        assertError(call("Encrypt", "{\"KeyId\":\"k\",\"Plaintext\":\"eA==\",\"EncryptionContext\":{\"a\":1}}"),
                400, "SerializationException", "'EncryptionContext.a'");
        assertError(call("Encrypt", "{\"KeyId\":\"k\",\"Plaintext\":\"not base64!\"}"), 400,
                "SerializationException", "'Plaintext'", "base64");
        assertError(call("GenerateRandom", "{\"NumberOfBytes\":1.5}"), 400, "SerializationException",
                "'NumberOfBytes'", "integer");
        assertError(call("GenerateRandom", "{\"NumberOfBytes\":99999999999}"), 400, "SerializationException",
                "'NumberOfBytes'");
        assertError(call("TagResource", "{\"KeyId\":\"k\",\"Tags\":{\"a\":\"b\"}}"), 400, "SerializationException",
                "'Tags'");
        assertError(call("ListKeys", "{\"GrantTokens\":\"t\"}"), 400, "SerializationException", "'GrantTokens'");
    }

    @Test
    void missingRequiredMembers_areValidationExceptionsNamingTheMember() throws Exception {
        assertError(call("Encrypt", "{\"KeyId\":\"alias/x\"}"), 400, "ValidationException",
                "Value null at 'plaintext' failed to satisfy constraint: Member must not be null");
        assertError(call("DescribeKey", "{}"), 400, "ValidationException", "'keyId'", "must not be null");
        assertError(call("CreateAlias", "{\"AliasName\":\"alias/a\"}"), 400, "ValidationException",
                "'targetKeyId'");
        assertError(call("TagResource", "{\"KeyId\":\"k\",\"Tags\":[{\"TagKey\":\"a\"}]}"), 400,
                "ValidationException", "'tags.1.member.tagValue'");
    }

    @Test
    void unknownEnumValue_isValidationExceptionListingTheValidValues() throws Exception {
        assertError(call("GenerateDataKey", "{\"KeyId\":\"k\",\"KeySpec\":\"AES_512\"}"), 400, "ValidationException",
                "Value 'AES_512' at 'keySpec'", "[AES_256, AES_128]");
    }

    @Test
    void unsupportedMembers_areRefusedByName() throws Exception {
        assertError(call("Decrypt", "{\"CiphertextBlob\":\"eA==\",\"DryRun\":true,"
                + "\"DryRunModifiers\":[\"IGNORE_CIPHERTEXT\"]}"), 400, "UnsupportedOperationException",
                "DryRunModifiers");
        assertError(call("CreateKey", "{\"XksKeyId\":\"ext-1\"}"), 400,
                "UnsupportedOperationException", "XksKeyId");
        assertError(call("CreateCustomKeyStore", "{\"CustomKeyStoreName\":\"s\",\"CloudHsmClusterId\":"
                + "\"cluster-1234567890a\"}"), 400, "UnsupportedOperationException", "Pkcs11Token");
        assertThat(call("Encrypt", "{\"KeyId\":\"" + newKeyId() + "\",\"Plaintext\":\"eA==\",\"DryRun\":false}")
                .status()).isEqualTo(200);
    }

    @Test
    void bodyOverOneMebibyte_is413BeforeAuthentication() throws Exception {
        byte[] body = new byte[ServerConfig.DEFAULT_MAX_BODY_BYTES + 1];
        byte[] request = RawKmsClient.request("POST", Map.of("host", raw.host(),
                "x-amz-target", "TrentService.Encrypt"), body);
        assertError(raw.send(request), 413, "RequestEntityTooLargeException", "1048576-byte limit");
    }

    @Test
    void unsignedRequest_isMissingAuthenticationToken() throws Exception {
        byte[] request = RawKmsClient.request("POST", Map.of("host", raw.host(),
                "x-amz-target", "TrentService.ListKeys"), "{}".getBytes(StandardCharsets.UTF_8));
        assertError(raw.send(request), 400, "MissingAuthenticationTokenException", "Missing Authentication Token");
    }

    @Test
    void getRequest_isRejectedAsClientError() throws Exception {
        byte[] signed = raw.signedRequest(fixture.root(), "us-east-1", Instant.now(), "TrentService.ListKeys",
                new byte[0]);
        // Only the method differs, so the signature (which covers it) no longer matches: still a 400, never a 500.
        byte[] asGet = new String(signed, StandardCharsets.ISO_8859_1).replaceFirst("POST", "GET")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(raw.send(asGet).status()).isEqualTo(400);
    }

    @Test
    void internalFault_is500WithoutDetails() throws Exception {
        AccessKeyStore keys = AccessKeyStore.inMemory("111122223333");
        OperationTable faulty = OperationTable.standard().with(Map.of("ListKeys", (engine, caller, in, out) -> {
            throw new IllegalStateException("disk on fire at /secret/path");
        }));
        try (KmsHttpServer server = KmsHttpServer.start(fixture.engine, ServerConfig.defaults(keys).withPort(0),
                faulty)) {
            Response response = new RawKmsClient(server.endpoint()).call(keys.defaultCredential(), "ListKeys", "{}");
            JsonNode body = assertError(response, 500, "KMSInternalException", "internal error");
            assertThat(body.path("message").asText()).doesNotContain("/secret/path");
        }
    }

    @Test
    void listener_seesOperationPrincipalAndOutcome() throws Exception {
        CALLS.clear();
        call("DescribeKey", "{\"KeyId\":\"alias/none\"}");
        // Listeners run after the response is sent, so the client can get there first: wait (bounded) for the call.
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (CALLS.stream().noneMatch(c -> "DescribeKey".equals(c.operation())) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(CALLS).anySatisfy(c -> {
            assertThat(c.operation()).isEqualTo("DescribeKey");
            assertThat(c.principalArn()).isEqualTo("arn:aws:iam::111122223333:root");
            assertThat(c.accessKeyId()).isEqualTo("test");
            assertThat(c.httpStatus()).isEqualTo(400);
            assertThat(c.errorType()).isEqualTo("NotFoundException");
            assertThat(c.isError()).isTrue();
        });
    }

}
