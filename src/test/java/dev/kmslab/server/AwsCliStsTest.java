package dev.kmslab.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.EngineConfig;
import dev.kmslab.engine.LabAccounts;
import dev.kmslab.engine.LabPrincipals;
import dev.kmslab.engine.audit.AuditEvent;
import dev.kmslab.engine.audit.AuditQuery;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.server.auth.AccessKeyStore;
import dev.kmslab.server.auth.Credential;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real AWS CLI against the endpoint: {@code aws sts get-caller-identity}, {@code aws sts assume-role} and a KMS
 * call with the returned session credentials, {@code aws kms encrypt --dry-run}, and a call from the second account
 * with the first account's key.
 */
class AwsCliStsTest {

    private static final String A = EngineConfig.DEFAULT_ACCOUNT;
    private static final String B = LabAccounts.PARTNER_ACCOUNT;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path home;

    private static LabAccounts accounts;
    private static KmsHttpServer server;
    private static Credential alice;
    private static Credential carol;
    private static String keyArn;

    @BeforeAll
    static void start() throws Exception {
        AwsCli.requireOrSkip();
        accounts = LabAccounts.inMemory(EngineConfig.defaults());
        LabPrincipals iam = accounts.home().defaultEngine().principals();
        iam.createRole(A, "Ops");
        iam.createUser(A, "alice");
        iam.attachUserPolicy(A, "alice", "AssumeOps", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
                + "\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"arn:aws:iam::" + A + ":role/Ops\"}]}");
        iam.createUser(B, "carol");
        iam.attachUserPolicy(B, "carol", "UseAKeys", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
                + "\"Allow\",\"Action\":\"kms:Encrypt\",\"Resource\":\"arn:aws:kms:*:" + A + ":key/*\"}]}");
        AccessKeyStore keys = AccessKeyStore.inMemory(A);
        alice = keys.issueAccessKey("arn:aws:iam::" + A + ":user/alice");
        carol = keys.issueAccessKey("arn:aws:iam::" + B + ":user/carol");
        server = KmsHttpServer.start(accounts, ServerConfig.defaults(keys).withPort(0)
                .withRequestTimeout(Duration.ofSeconds(8)));
        // Made in the engine rather than with the CLI: every CLI run starts a Python interpreter, seconds each.
        keyArn = accounts.home().defaultEngine().createKey(CallerContext.root(A), CreateKeyRequest.withPolicy(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"arn:aws:iam::" + A + ":root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"},{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":[\"arn:aws:iam::" + A + ":role/Ops\",\"arn:aws:iam::" + B + ":root\"]},"
                + "\"Action\":\"kms:Encrypt\",\"Resource\":\"*\"}]}")).keyMetadata().arn();
        Files.writeString(home.resolve("msg.txt"), "hello from the CLI", StandardCharsets.UTF_8);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private static AwsCli root() {
        return AwsCli.withCredentials(home, "test", "test", null);
    }

    private static AwsCli as(Credential c) {
        return AwsCli.withCredentials(home, c.accessKeyId(), c.secretAccessKey(), null);
    }

    private static JsonNode json(AwsCli.Result result) throws Exception {
        assertThat(result.ok()).as(result.stderr()).isTrue();
        return JSON.readTree(result.stdout());
    }

    private String encrypt(AwsCli cli, String... extra) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("kms", "encrypt", "--key-id", keyArn,
                "--plaintext", "fileb://" + home.resolve("msg.txt")));
        args.addAll(List.of(extra));
        AwsCli.Result result = cli.run(server.endpoint(), args.toArray(new String[0]));
        return result.ok() ? result.stdout() : result.stderr();
    }

    @Test
    void getCallerIdentity_printsTheAccountAndArn() throws Exception {
        JsonNode me = json(as(alice).run(server.endpoint(), "sts", "get-caller-identity"));
        assertThat(me.path("Account").asText()).isEqualTo(A);
        assertThat(me.path("Arn").asText()).isEqualTo("arn:aws:iam::" + A + ":user/alice");
        assertThat(me.path("UserId").asText()).startsWith("AIDA");
    }

    @Test
    void assumeRole_thenAKmsCallWithTheSession_isAuditedAsTheSession() throws Exception {
        JsonNode assumed = json(as(alice).run(server.endpoint(), "sts", "assume-role", "--role-arn",
                "arn:aws:iam::" + A + ":role/Ops", "--role-session-name", "cli-session"));
        JsonNode creds = assumed.path("Credentials");
        assertThat(creds.path("AccessKeyId").asText()).startsWith("ASIA");
        AwsCli session = AwsCli.withCredentials(home, creds.path("AccessKeyId").asText(),
                creds.path("SecretAccessKey").asText(), creds.path("SessionToken").asText());

        assertThat(JSON.readTree(encrypt(session)).path("KeyId").asText()).isEqualTo(keyArn);
        List<AuditEvent> events = accounts.home().defaultEngine().auditLog()
                .query(AuditQuery.all().forEvent("Encrypt"));
        assertThat(events.get(events.size() - 1).principalArn())
                .isEqualTo("arn:aws:sts::" + A + ":assumed-role/Ops/cli-session");
    }

    @Test
    void encryptDryRun_reportsDryRunOperationException_andChangesNothing() throws Exception {
        int events = accounts.home().defaultEngine().auditLog().all().size();
        assertThat(encrypt(root(), "--dry-run")).contains("DryRunOperationException");
        AuditEvent dryRun = accounts.home().defaultEngine().auditLog().all().get(events);
        assertThat(dryRun.eventName()).isEqualTo("Encrypt");
        assertThat(dryRun.requestParameters()).containsEntry("dryRun", true);
    }

    @Test
    void thePartnerAccountsUser_encryptsWithAccountAsKey() throws Exception {
        assertThat(JSON.readTree(encrypt(as(carol))).path("KeyId").asText()).isEqualTo(keyArn);
    }
}
