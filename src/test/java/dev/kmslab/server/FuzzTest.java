package dev.kmslab.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kmslab.server.RawKmsClient.Response;
import dev.kmslab.server.ops.OperationTable;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Random requests over loopback, a fixed number per seed: correctly signed calls with random operations and random
 * JSON (so they reach the JSON and engine layers), and unsigned ones with random headers and bytes. None may get a
 * 500 and none may hang (each socket read gives up after 15 seconds, which fails the test). A failure names the seed
 * and the request.
 */
class FuzzTest {

    private static final long SEED = 20260301L;
    private static final int SIGNED_CASES = 600;
    private static final int RAW_CASES = 200;
    private static final List<String> MEMBERS = List.of("KeyId", "Plaintext", "CiphertextBlob", "EncryptionContext",
            "NumberOfBytes", "KeySpec", "Limit", "Marker", "AliasName", "TargetKeyId", "Tags", "TagKeys", "GrantTokens",
            "DryRun", "Description", "KeyUsage", "PendingWindowInDays", "RotationPeriodInDays", "DestinationKeyId",
            "SourceKeyId", "SourceEncryptionContext", "EncryptionAlgorithm", "Origin", "CustomerMasterKeySpec",
            "Message", "MessageType", "Signature", "SigningAlgorithm", "Mac", "MacAlgorithm", "GranteePrincipal",
            "RetiringPrincipal", "Operations", "Constraints", "GrantId", "GrantToken", "Name", "Policy", "PolicyName",
            "BypassPolicyLockoutSafetyCheck", "MultiRegion", "KeyPairSpec", "PublicKey", "KeyAgreementAlgorithm",
            "ImportToken", "EncryptedKeyMaterial", "ValidTo", "ExpirationModel", "WrappingAlgorithm",
            "WrappingKeySpec");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static ServerFixture fixture;
    private static RawKmsClient raw;
    private static List<String> keyIds;
    private static String ciphertext;

    @BeforeAll
    static void start() throws Exception {
        fixture = new ServerFixture();
        raw = fixture.raw();
        JsonNode created = JSON.readTree(raw.call(fixture.root(), "CreateKey", "{}").body());
        String keyId = created.path("KeyMetadata").path("KeyId").asText();
        raw.call(fixture.root(), "CreateAlias", "{\"AliasName\":\"alias/fuzz\",\"TargetKeyId\":\"" + keyId + "\"}");
        ciphertext = JSON.readTree(raw.call(fixture.root(), "Encrypt", "{\"KeyId\":\"" + keyId
                + "\",\"Plaintext\":\"eA==\"}").body()).path("CiphertextBlob").asText();
        keyIds = List.of(keyId, "alias/fuzz", created.path("KeyMetadata").path("Arn").asText(), "alias/none",
                "arn:aws:kms:us-east-1:111122223333:alias/fuzz", "", "x".repeat(3000), "mrk-0", "🔑",
                newKey("{\"KeySpec\":\"ECC_NIST_P256\",\"KeyUsage\":\"SIGN_VERIFY\"}"),
                newKey("{\"KeySpec\":\"HMAC_256\",\"KeyUsage\":\"GENERATE_VERIFY_MAC\"}"),
                newKey("{\"KeySpec\":\"ECC_NIST_P256\",\"KeyUsage\":\"KEY_AGREEMENT\"}"),
                newKey("{\"Origin\":\"EXTERNAL\"}"));
    }

    private static String newKey(String json) throws IOException {
        return JSON.readTree(raw.call(fixture.root(), "CreateKey", json).body()).path("KeyMetadata").path("KeyId")
                .asText();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void signedRandomCalls_neverGetA500() throws IOException {
        Random random = new Random(SEED);
        List<String> operations = new ArrayList<>(OperationTable.standard().names());
        operations.addAll(List.of("ReplicateKey", "Encapsulate", "Nope", ""));
        operations.sort(null);
        for (int i = 0; i < SIGNED_CASES; i++) {
            String operation = operations.get(random.nextInt(operations.size()));
            byte[] body = randomBody(random);
            Response response = raw.send(raw.signedRequest(fixture.root(), "us-east-1", Instant.now(),
                    "TrentService." + operation, body));
            assertThat(response.status()).as("seed %d case %d: %s %s -> %s", SEED, i, operation,
                    new String(body, StandardCharsets.UTF_8), response.body()).isIn(200, 400);
            if (response.status() == 400) {
                assertThat(JSON.readTree(response.body()).path("__type").asText()).isNotEmpty();
            }
        }
    }

    @Test
    void unsignedRandomHeadersAndBytes_neverGetA500() throws IOException {
        Random random = new Random(SEED + 1);
        for (int i = 0; i < RAW_CASES; i++) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("host", raw.host());
            int count = random.nextInt(6);
            for (int h = 0; h < count; h++) {
                String name = random.nextBoolean() ? pick(random, List.of("authorization", "x-amz-date",
                        "x-amz-target", "content-type", "x-amz-security-token")) : token(random, 1 + random.nextInt(12));
                headers.put(name, printable(random, random.nextInt(120)));
            }
            if (random.nextBoolean()) {
                headers.put("authorization", "AWS4-HMAC-SHA256 Credential=test/" + printable(random, 30)
                        + ", SignedHeaders=host;x-amz-date, Signature=" + "ab".repeat(32));
            }
            byte[] body = new byte[random.nextInt(300)];
            random.nextBytes(body);
            Response response = raw.send(RawKmsClient.request("POST", headers, body));
            assertThat(response.status()).as("seed %d case %d: %s", SEED + 1, i, headers).isNotEqualTo(500);
        }
    }

    @Test
    void clientThatStallsMidRequest_isDisconnected() throws IOException {
        // The JDK server's request timer closes the connection; bound the wait by the configured timeout plus slack.
        int timeoutSeconds = Integer.parseInt(System.getProperty("sun.net.httpserver.maxReqTime", "20"));
        try (Socket socket = new Socket(fixture.server.endpoint().getHost(), fixture.server.port())) {
            socket.setSoTimeout((timeoutSeconds + 10) * 1000);
            socket.getOutputStream().write(("POST / HTTP/1.1\r\nHost: " + raw.host() + "\r\nContent-Length: 100\r\n\r\n"
                    + "{\"KeyId\":").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            int read;
            try {
                read = in.read();
            } catch (java.net.SocketException reset) {
                read = -1;
            }
            assertThat(read).as("the server should close the stalled connection").isEqualTo(-1);
        }
    }

    private static byte[] randomBody(Random random) throws IOException {
        int kind = random.nextInt(10);
        if (kind == 0) {
            byte[] bytes = new byte[random.nextInt(200)];
            random.nextBytes(bytes);
            return bytes;
        }
        byte[] json = JSON.writeValueAsBytes(randomObject(random, 0));
        if (kind == 1 && json.length > 1) {
            return java.util.Arrays.copyOf(json, random.nextInt(json.length));
        }
        return json;
    }

    private static ObjectNode randomObject(Random random, int depth) {
        ObjectNode object = NODES.objectNode();
        int members = random.nextInt(6);
        for (int i = 0; i < members; i++) {
            String name = random.nextInt(5) == 0 ? token(random, 6) : pick(random, MEMBERS);
            object.set(name, randomValue(random, name, depth));
        }
        return object;
    }

    private static JsonNode randomValue(Random random, String member, int depth) {
        switch (random.nextInt(depth > 2 ? 6 : 9)) {
            case 0:
                return NODES.textNode(member.endsWith("KeyId") ? pick(random, keyIds) : printable(random, 20));
            case 1:
                return NODES.textNode(random.nextBoolean() ? ciphertext
                        : Base64.getEncoder().encodeToString(new byte[random.nextInt(5000)]));
            case 2:
                return NODES.numberNode(random.nextInt(3) == 0 ? random.nextLong() : random.nextInt(2000) - 100);
            case 3:
                return NODES.numberNode(random.nextDouble() * 100);
            case 4:
                return NODES.booleanNode(random.nextBoolean());
            case 5:
                return NODES.nullNode();
            case 6: {
                ArrayNode array = NODES.arrayNode();
                int size = random.nextInt(13);
                for (int i = 0; i < size; i++) {
                    array.add(randomValue(random, member, depth + 1));
                }
                return array;
            }
            case 7:
                return randomObject(random, depth + 1);
            default:
                return NODES.textNode(pick(random, List.of("AES_256", "AES_128", "SYMMETRIC_DEFAULT",
                        "ENCRYPT_DECRYPT", "RSA_2048", "EXTERNAL", "HMAC_256", "bogus", "ECDSA_SHA_256", "HMAC_SHA_256",
                        "ECC_NIST_P256", "SIGN_VERIFY", "Decrypt", "ECDH", "RSAES_OAEP_SHA_256", "DIGEST",
                        ServerFixture.APP_ROLE)));
        }
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String token(Random random, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append((char) ('a' + random.nextInt(26)));
        }
        return out.toString();
    }

    /** Printable ASCII without CR/LF, so each value stays one header line. */
    private static String printable(Random random, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append((char) (0x20 + random.nextInt(0x5F)));
        }
        return out.toString();
    }
}
