package dev.kmslab.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kmslab.engine.EngineConfig;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.SimulatedClock;
import dev.kmslab.engine.audit.AuditLog;
import dev.kmslab.server.auth.AccessKeyStore;
import dev.kmslab.server.auth.Credential;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * An engine auditing to {@code audit.jsonl} in a test's folder, on a simulated clock, behind a server on a free port:
 * role {@code Ops}, user {@code alice} allowed to assume it and user {@code bob} with no policy, each with an access
 * key; plus SDK clients for them and readers of the audit file. Shared by the STS and audit-identity wire tests.
 */
final class StsAuditFixture implements AutoCloseable {

    static final String ACCOUNT = EngineConfig.DEFAULT_ACCOUNT;
    static final String OPS = "arn:aws:iam::" + ACCOUNT + ":role/Ops";
    static final String ALICE = "arn:aws:iam::" + ACCOUNT + ":user/alice";
    static final String BOB = "arn:aws:iam::" + ACCOUNT + ":user/bob";
    static final String ROOT = "arn:aws:iam::" + ACCOUNT + ":root";
    static final ObjectMapper JSON = new ObjectMapper();

    final Path auditFile;
    final AuditLog audit;
    final KmsEngine engine;
    final AccessKeyStore keys;
    final Credential alice;
    final Credential bob;
    final KmsHttpServer server;

    StsAuditFixture(Path dir) throws Exception {
        auditFile = dir.resolve("audit.jsonl");
        audit = AuditLog.toFile(auditFile, AuditLog.DEFAULT_MAX_FILE_BYTES);
        engine = KmsEngine.open(EngineConfig.defaults().withAuditLog(audit)
                .withClock(new SimulatedClock(Instant.now().truncatedTo(ChronoUnit.SECONDS))));
        engine.principals().createRole(ACCOUNT, "Ops");
        engine.principals().createUser(ACCOUNT, "alice");
        engine.principals().createUser(ACCOUNT, "bob");
        engine.principals().attachUserPolicy(ACCOUNT, "alice", "AssumeOps", "{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}]}");
        keys = AccessKeyStore.inMemory(ACCOUNT);
        alice = keys.issueAccessKey(ALICE);
        bob = keys.issueAccessKey(BOB);
        server = KmsHttpServer.start(engine, ServerConfig.defaults(keys).withPort(0)
                .withRequestTimeout(Duration.ofSeconds(8)));
    }

    static AwsCredentials basic(Credential credential) {
        return AwsBasicCredentials.create(credential.accessKeyId(), credential.secretAccessKey());
    }

    StsClient sts(AwsCredentials credentials) {
        return SdkStsTest.sts(server.endpoint(), credentials);
    }

    KmsClient kms(AwsCredentials credentials) {
        return SdkStsTest.kms(server.endpoint(), credentials);
    }

    /** A key whose policy lets the account root and role {@code Ops} do anything, made by the root over the wire. */
    String keyForRootAndOps() {
        try (KmsClient root = kms(AwsBasicCredentials.create("test", "test"))) {
            return root.createKey(b -> b.policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                    + "\"Principal\":{\"AWS\":[\"" + ROOT + "\",\"" + OPS + "\"]},\"Action\":\"kms:*\","
                    + "\"Resource\":\"*\"}]}")).keyMetadata().keyId();
        }
    }

    /** The audit file's text after a flush. */
    String auditText() throws Exception {
        audit.flush();
        return Files.readString(auditFile, StandardCharsets.UTF_8);
    }

    /** The audit file's lines, parsed, after a flush. */
    List<JsonNode> auditLines() throws Exception {
        audit.flush();
        return Files.readAllLines(auditFile, StandardCharsets.UTF_8).stream().map(StsAuditFixture::parse).toList();
    }

    static List<JsonNode> named(List<JsonNode> lines, String eventName) {
        return lines.stream().filter(n -> n.path("eventName").asText().equals(eventName)).toList();
    }

    /** The service error a call was refused with; fails when it was not refused. */
    static <E extends AwsServiceException> E refusal(Class<E> type, Runnable call) {
        try {
            call.run();
        } catch (AwsServiceException e) {
            if (type.isInstance(e)) {
                return type.cast(e);
            }
            throw new AssertionError("refused with " + e.getClass().getName() + " instead of " + type.getName(), e);
        }
        throw new AssertionError("the call was not refused");
    }

    static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError(line, e);
        }
    }

    @Override
    public void close() {
        server.stop();
        audit.close();
    }
}
