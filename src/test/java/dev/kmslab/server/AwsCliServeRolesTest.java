package dev.kmslab.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kmslab.server.auth.AccessKeyStore;
import dev.kmslab.server.auth.Credential;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * The real AWS CLI against {@code serve} with a role defined on the command line: {@code --role Ops=trust.json}
 * naming a user, {@code aws sts assume-role} as that user, {@code aws kms encrypt} with the returned credentials, and
 * the same session still accepted after {@code serve} restarts on the same data folder. The AssumeRole is in
 * {@code audit.jsonl}, without the secret or the token.
 */
class AwsCliServeRolesTest {

    private static final String A = "111122223333";
    private static final String ALICE = "arn:aws:iam::" + A + ":user/alice";
    private static final String OPS = "arn:aws:iam::" + A + ":role/Ops";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private KmsHttpServer serve(Path dataDir, String... args) throws Exception {
        List<String> all = new java.util.ArrayList<>(List.of("--port", "0", "--data-dir", dataDir.toString()));
        all.addAll(List.of(args));
        return ServeCommand.run(ServeCommand.Options.parse(all), new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));
    }

    private static JsonNode json(AwsCli.Result result) throws Exception {
        assertThat(result.ok()).as(result.stderr()).isTrue();
        return JSON.readTree(result.stdout());
    }

    @Test
    void roleFromTheCommandLine_assumedWithTheCli_encryptsBeforeAndAfterARestart() throws Exception {
        AwsCli.requireOrSkip();
        Path dataDir = home.resolve("data");
        Path trust = home.resolve("ops-trust.json");
        Files.writeString(trust, "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\",\n"
                + "  \"Principal\": {\"AWS\": \"" + ALICE + "\"}, \"Action\": \"sts:AssumeRole\"}]}\n");
        Files.writeString(home.resolve("msg.txt"), "hello from a role", StandardCharsets.UTF_8);
        KmsHttpServer server = serve(dataDir, "--create-user", "alice", "--role", "Ops=" + trust,
                "--issue-access-key", ALICE);
        JsonNode credentials;
        String keyArn;
        try {
            Credential alice = AccessKeyStore.open(dataDir, A, Clock.systemUTC()).issuedKeys().get(0);
            try (KmsClient root = SdkStsTest.kms(server.endpoint(), AwsBasicCredentials.create("test", "test"))) {
                keyArn = root.createKey(b -> b.policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
                        + "\"Allow\",\"Principal\":{\"AWS\":[\"arn:aws:iam::" + A + ":root\",\"" + OPS + "\"]},"
                        + "\"Action\":\"kms:*\",\"Resource\":\"*\"}]}")).keyMetadata().arn();
            }
            JsonNode assumed = json(AwsCli.withCredentials(home, alice.accessKeyId(), alice.secretAccessKey(), null)
                    .run(server.endpoint(), "sts", "assume-role", "--role-arn", OPS, "--role-session-name", "cli"));
            assertThat(assumed.path("AssumedRoleUser").path("Arn").asText())
                    .isEqualTo("arn:aws:sts::" + A + ":assumed-role/Ops/cli");
            credentials = assumed.path("Credentials");
            JsonNode encrypted = json(session(credentials).run(server.endpoint(), "kms", "encrypt", "--key-id",
                    keyArn, "--plaintext", "fileb://" + home.resolve("msg.txt")));
            assertThat(encrypted.path("KeyId").asText()).isEqualTo(keyArn);
        } finally {
            ServeCommand.shutdown(server);
        }

        KmsHttpServer restarted = serve(dataDir);
        try {
            JsonNode again = json(session(credentials).run(restarted.endpoint(), "kms", "encrypt", "--key-id",
                    keyArn, "--plaintext", "fileb://" + home.resolve("msg.txt")));
            assertThat(again.path("KeyId").asText()).isEqualTo(keyArn);
        } finally {
            ServeCommand.shutdown(restarted);
        }
        String audit = Files.readString(dataDir.resolve("audit.jsonl"), StandardCharsets.UTF_8);
        JsonNode assumeRole = audit.lines().map(AwsCliServeRolesTest::parse)
                .filter(n -> n.path("eventName").asText().equals("AssumeRole")).findFirst().orElseThrow();
        assertThat(assumeRole.path("eventSource").asText()).isEqualTo("sts.amazonaws.com");
        assertThat(assumeRole.path("principalArn").asText()).isEqualTo(ALICE);
        assertThat(assumeRole.path("responseElements").path("credentials").path("accessKeyId").asText())
                .isEqualTo(credentials.path("AccessKeyId").asText());
        assertThat(audit).doesNotContain(credentials.path("SecretAccessKey").asText())
                .doesNotContain(credentials.path("SessionToken").asText());
    }

    private AwsCli session(JsonNode credentials) {
        return AwsCli.withCredentials(home, credentials.path("AccessKeyId").asText(),
                credentials.path("SecretAccessKey").asText(), credentials.path("SessionToken").asText());
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (java.io.IOException e) {
            throw new AssertionError(line, e);
        }
    }
}
