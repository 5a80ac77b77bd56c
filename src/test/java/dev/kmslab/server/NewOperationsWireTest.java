package dev.kmslab.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kmslab.server.RawKmsClient.Response;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Wire shapes and member errors of the policy, grant, asymmetric and import operations. */
class NewOperationsWireTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<ServerCall> CALLS = new CopyOnWriteArrayList<>();
    private static ServerFixture fixture;
    private static RawKmsClient raw;

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

    private static String newKeyId(String json) throws IOException {
        return ok(call("CreateKey", json)).path("KeyMetadata").path("KeyId").asText();
    }

    @Test
    void multiRegionKey_hasAnMrkIdAndAPrimaryConfiguration() throws Exception {
        JsonNode meta = ok(call("CreateKey", "{\"MultiRegion\":true}")).path("KeyMetadata");
        assertThat(meta.path("KeyId").asText()).startsWith("mrk-");
        assertThat(meta.path("MultiRegion").asBoolean()).isTrue();
        JsonNode config = meta.path("MultiRegionConfiguration");
        assertThat(config.path("MultiRegionKeyType").asText()).isEqualTo("PRIMARY");
        assertThat(config.path("PrimaryKey").path("Arn").asText()).isEqualTo(meta.path("Arn").asText());
        assertThat(config.path("PrimaryKey").path("Region").asText()).isEqualTo("us-east-1");
        assertThat(config.path("ReplicaKeys").isArray()).isTrue();
    }

    @Test
    void describeKey_ofASigningKey_listsSigningAlgorithmsOnly() throws Exception {
        String keyId = newKeyId("{\"KeySpec\":\"ECC_NIST_P384\",\"KeyUsage\":\"SIGN_VERIFY\"}");
        JsonNode meta = ok(call("DescribeKey", "{\"KeyId\":\"" + keyId + "\"}")).path("KeyMetadata");
        assertThat(meta.path("SigningAlgorithms").toString()).isEqualTo("[\"ECDSA_SHA_384\"]");
        assertThat(meta.has("EncryptionAlgorithms")).isFalse();
        assertThat(meta.has("MacAlgorithms")).isFalse();
    }

    @Test
    void createGrant_wrongConstraintTypes_areSerializationErrorsNamingTheMember() throws Exception {
        String keyId = newKeyId("{}");
        assertError(call("CreateGrant", "{\"KeyId\":\"" + keyId + "\",\"GranteePrincipal\":\"" + ServerFixture.APP_ROLE
                + "\",\"Operations\":[\"Decrypt\"],\"Constraints\":[]}"), "SerializationException",
                "'Constraints'");
        assertError(call("CreateGrant", "{\"KeyId\":\"" + keyId + "\",\"GranteePrincipal\":\"" + ServerFixture.APP_ROLE
                + "\",\"Operations\":[\"Decrypt\"],\"Constraints\":{\"EncryptionContextSubset\":{\"a\":1}}}"),
                "SerializationException", "'EncryptionContextSubset.a'");
        assertError(call("CreateGrant", "{\"KeyId\":\"" + keyId + "\",\"GranteePrincipal\":\"" + ServerFixture.APP_ROLE
                + "\"}"), "ValidationException", "'operations'");
        assertError(call("CreateGrant", "{\"KeyId\":\"" + keyId + "\",\"GranteeServicePrincipal\":\"x\"}"),
                "UnsupportedOperationException", "GranteeServicePrincipal");
    }

    @Test
    void createGrant_tokenGoesToTheCallerOnly_andListGrantsOmitsIt() throws Exception {
        String keyId = newKeyId("{}");
        JsonNode created = ok(call("CreateGrant", "{\"KeyId\":\"" + keyId + "\",\"GranteePrincipal\":\""
                + ServerFixture.APP_ROLE + "\",\"Operations\":[\"Encrypt\",\"Decrypt\"]}"));
        String token = created.path("GrantToken").asText();
        assertThat(token).hasSize(128);

        Response listed = call("ListGrants", "{\"KeyId\":\"" + keyId + "\"}");
        JsonNode grant = ok(listed).path("Grants").get(0);
        assertThat(listed.body()).doesNotContain(token);
        assertThat(grant.path("GrantId").asText()).isEqualTo(created.path("GrantId").asText());
        assertThat(grant.path("Operations")).extracting(JsonNode::asText).containsExactlyInAnyOrder("Encrypt", "Decrypt");
        assertThat(grant.has("Constraints")).isFalse();
        assertThat(grant.path("CreationDate").isNumber()).isTrue();
        assertThat(ok(listed).path("Truncated").asBoolean()).isFalse();
        assertThat(CALLS.toString()).doesNotContain(token);
    }

    @Test
    void sign_withoutAlgorithm_andWithABadBlob_areClientErrors() throws Exception {
        String keyId = newKeyId("{\"KeySpec\":\"ECC_NIST_P256\",\"KeyUsage\":\"SIGN_VERIFY\"}");
        assertError(call("Sign", "{\"KeyId\":\"" + keyId + "\",\"Message\":\"not base64!\","
                + "\"SigningAlgorithm\":\"ECDSA_SHA_256\"}"), "SerializationException", "'Message'");
        assertError(call("Sign", "{\"KeyId\":\"" + keyId + "\",\"Message\":\"eA==\",\"SigningAlgorithm\":\"ES256\"}"),
                "ValidationException", "'signingAlgorithm'");
        assertThat(call("Sign", "{\"KeyId\":\"" + keyId + "\",\"Message\":\"eA==\"}").status()).isEqualTo(400);
    }

    @Test
    void importKeyMaterial_validToMustBeANumber_andTheKeyMaterialMembersAreChecked() throws Exception {
        String keyId = newKeyId("{\"Origin\":\"EXTERNAL\"}");
        String material = "{\"KeyId\":\"" + keyId + "\",\"ImportToken\":\"eA==\",\"EncryptedKeyMaterial\":\"eA==\",";
        assertError(call("ImportKeyMaterial", material + "\"ValidTo\":\"tomorrow\"}"), "SerializationException",
                "'ValidTo'");
        assertError(call("ImportKeyMaterial", material + "\"ImportType\":\"REPLACE\"}"), "ValidationException",
                "'importType'");
        assertError(call("ImportKeyMaterial", material + "\"ExpirationModel\":\"KEY_MATERIAL_DOES_NOT_EXPIRE\","
                + "\"ImportType\":\"NEW_KEY_MATERIAL\",\"KeyMaterialId\":\"" + "0a".repeat(32) + "\"}"),
                "ValidationException", "KeyMaterialId cannot be specified when ImportType is NEW_KEY_MATERIAL");
        assertError(call("ImportKeyMaterial", material + "\"KeyMaterialDescription\":\"semi;colon\"}"),
                "ValidationException", "'keyMaterialDescription'");
        assertError(call("DeleteImportedKeyMaterial", "{\"KeyId\":\"" + keyId + "\",\"KeyMaterialId\":\"abc\"}"),
                "ValidationException", "'keyMaterialId'");
        assertError(call("ListKeyRotations", "{\"KeyId\":\"" + keyId + "\",\"IncludeKeyMaterial\":\"EVERYTHING\"}"),
                "ValidationException", "'includeKeyMaterial'");
    }

    @Test
    void putKeyPolicy_withoutPolicyName_meansDefault_andMalformedJsonIsTyped() throws Exception {
        String keyId = newKeyId("{}");
        assertError(call("PutKeyPolicy", "{\"KeyId\":\"" + keyId + "\",\"Policy\":\"{not json\"}"),
                "MalformedPolicyDocumentException", "");
        assertThat(ok(call("GetKeyPolicy", "{\"KeyId\":\"" + keyId + "\"}")).path("PolicyName").asText())
                .isEqualTo("default");
        assertThat(ok(call("ListKeyPolicies", "{\"KeyId\":\"" + keyId + "\"}")).path("PolicyNames").toString())
                .isEqualTo("[\"default\"]");
    }
}
