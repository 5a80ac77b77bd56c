package dev.kmslab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.EngineConfig;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.SimulatedClock;
import dev.kmslab.engine.store.SealedSecretFile;
import dev.kmslab.server.auth.AccessKeyStore;
import dev.kmslab.server.sts.SessionStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;

/**
 * STS sessions outlive the endpoint: saved sealed in the data folder before AssumeRole answers, accepted again by a
 * restarted {@code serve}, refused with ExpiredTokenException once expired (whether they expire after the restart or
 * while the endpoint was down), and never on disk in the clear.
 */
class StsSessionRestartTest {

    private static final String ACCOUNT = EngineConfig.DEFAULT_ACCOUNT;
    private static final String OPS = "arn:aws:iam::" + ACCOUNT + ":role/Ops";
    private static final AwsBasicCredentials ROOT = AwsBasicCredentials.create("test", "test");

    @TempDir
    Path dataDir;

    private KmsHttpServer serve(ByteArrayOutputStream printed) throws Exception {
        return ServeCommand.run(ServeCommand.Options.parse(List.of("--port", "0", "--data-dir", dataDir.toString(),
                "--create-role", "Ops")), new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    private static String keyForOps(KmsHttpServer server) {
        try (KmsClient root = SdkStsTest.kms(server.endpoint(), ROOT)) {
            return root.createKey(b -> b.policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                    + "\"Principal\":{\"AWS\":[\"arn:aws:iam::" + ACCOUNT + ":root\",\"" + OPS + "\"]},"
                    + "\"Action\":\"kms:*\",\"Resource\":\"*\"}]}")).keyMetadata().keyId();
        }
    }

    @Test
    void aRestartedEndpointOnTheSameFolder_stillAcceptsTheSession_sealedOnDisk() throws Exception {
        Lab lab = new Lab();
        KmsHttpServer first = start(lab.engine, lab.keys);
        AssumeRoleResponse r;
        String keyId;
        try {
            keyId = keyForOps(first);
            try (StsClient sts = SdkStsTest.sts(first.endpoint(), lab.alice())) {
                r = sts.assumeRole(b -> b.roleArn(OPS).roleSessionName("before-restart"));
            }
            try (KmsClient asOps = SdkStsTest.kms(first.endpoint(), SdkStsTest.session(r))) {
                asOps.encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromUtf8String("one")));
            }
        } finally {
            first.stop();
        }
        byte[] onDisk = Files.readAllBytes(dataDir.resolve(SessionStore.FILE_NAME));
        String raw = new String(onDisk, StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain(r.credentials().secretAccessKey()).doesNotContain(r.credentials()
                .sessionToken()).doesNotContain(r.credentials().accessKeyId()).startsWith("KMSLABSF");
        assertThat(dataDir.resolve("master.key")).exists();

        KmsHttpServer second = start(lab.engine, lab.keys);
        try (KmsClient asOps = SdkStsTest.kms(second.endpoint(), SdkStsTest.session(r))) {
            SdkBytes blob = asOps.encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromUtf8String("two")))
                    .ciphertextBlob();
            assertThat(asOps.decrypt(b -> b.ciphertextBlob(blob)).plaintext().asUtf8String()).isEqualTo("two");
        } finally {
            second.stop();
        }
    }

    /** An engine on a simulated clock with role Ops and a user alice allowed to assume it. */
    private static final class Lab {
        final SimulatedClock clock = new SimulatedClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        final KmsEngine engine;
        final AccessKeyStore keys = AccessKeyStore.inMemory(ACCOUNT);
        final dev.kmslab.server.auth.Credential alice;

        Lab() throws Exception {
            engine = KmsEngine.open(EngineConfig.defaults().withClock(clock));
            engine.principals().createRole(ACCOUNT, "Ops");
            engine.principals().createUser(ACCOUNT, "alice");
            engine.principals().attachUserPolicy(ACCOUNT, "alice", "AssumeOps", "{\"Version\":\"2012-10-17\","
                    + "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}]}");
            alice = keys.issueAccessKey("arn:aws:iam::" + ACCOUNT + ":user/alice");
        }

        AwsBasicCredentials alice() {
            return AwsBasicCredentials.create(alice.accessKeyId(), alice.secretAccessKey());
        }
    }

    @Test
    void aDamagedSessionsFile_isMovedAside_andServeStartsWithoutSessions() throws Exception {
        Files.write(dataDir.resolve(SessionStore.FILE_NAME), "not sealed".getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        serve(printed).stop();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("NOTE: The STS sessions file "
                + SessionStore.FILE_NAME + " could not be read").contains("is not a KMS Lab sealed file");
        try (var files = Files.list(dataDir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.startsWith(SessionStore.FILE_NAME + ".corrupt-"));
        }
    }

    @Test
    void sessionsExpireOnTheEngineClock_acrossRestarts() throws Exception {
        Lab lab = new Lab();
        KmsEngine engine = lab.engine;
        AccessKeyStore keys = lab.keys;
        KmsHttpServer first = start(engine, keys);
        String keyId = keyForOps(first);
        AssumeRoleResponse shortOne;
        AssumeRoleResponse longOne;
        try (StsClient sts = SdkStsTest.sts(first.endpoint(), lab.alice())) {
            shortOne = sts.assumeRole(b -> b.roleArn(OPS).roleSessionName("short").durationSeconds(900));
            longOne = sts.assumeRole(b -> b.roleArn(OPS).roleSessionName("long").durationSeconds(3600));
        } finally {
            first.stop();
        }

        // The short session expires while the endpoint is down: the restart drops its secret and keeps its id.
        engine.advanceClock(Duration.ofSeconds(1000));
        KmsHttpServer second = start(engine, keys);
        try (KmsClient asShort = SdkStsTest.kms(second.endpoint(), SdkStsTest.session(shortOne));
             KmsClient asLong = SdkStsTest.kms(second.endpoint(), SdkStsTest.session(longOne))) {
            assertExpired(() -> asShort.encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromUtf8String("x"))));
            asLong.encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromUtf8String("x")));
            String inside = new String(SealedSecretFile.withKeyFile(dataDir, SessionStore.FILE_NAME, "sts sessions")
                    .read().orElseThrow(), StandardCharsets.UTF_8);
            assertThat(inside).doesNotContain(shortOne.credentials().secretAccessKey())
                    .doesNotContain(shortOne.credentials().sessionToken())
                    .contains("\"expired\":[{\"accessKeyId\":\"" + shortOne.credentials().accessKeyId() + "\"")
                    .contains(longOne.credentials().accessKeyId());

            // The long one expires while the restarted endpoint runs.
            engine.advanceClock(Duration.ofSeconds(2600));
            assertExpired(() -> asLong.encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromUtf8String("x"))));
        } finally {
            second.stop();
        }
    }

    private KmsHttpServer start(KmsEngine engine, AccessKeyStore keys) throws Exception {
        return KmsHttpServer.start(engine, ServerConfig.defaults(keys).withPort(0)
                .withRequestTimeout(Duration.ofSeconds(8))
                .withSessions(SessionStore.open(dataDir, Clock.systemUTC())));
    }

    private static void assertExpired(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(KmsException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExpiredTokenException");
            assertThat(e.awsErrorDetails().errorMessage()).contains("expired");
        });
    }
}
