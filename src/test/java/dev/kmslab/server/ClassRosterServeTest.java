package dev.kmslab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kmslab.io.OwnerOnlyFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KmsException;

/**
 * {@code serve --tls --class roster.txt --handouts DIR}: a class of 30 gets 30 IAM users, 30 access keys and 30
 * handouts; every handout works from the SDK, one from the real AWS CLI as it is, each call is audited under the
 * student's own ARN, and a student whose template does not allow an action is denied it.
 */
class ClassRosterServeTest {

    private static final String ACCOUNT = "111122223333";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @TempDir
    Path work;

    @Test
    void aRosterOf30_gives30WorkingHandouts_eachStudentAuditedUnderTheirOwnArn() throws Exception {
        StringBuilder roster = new StringBuilder("# Monday group\n");
        for (int i = 1; i <= 30; i++) {
            roster.append(String.format("student%02d", i)).append(i == 2 ? " kms-readonly" : "").append('\n');
        }
        Path rosterFile = Files.writeString(work.resolve("roster.txt"), roster);
        Path handouts = work.resolve("handouts");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        KmsHttpServer server = ServeCommand.run(ServeCommand.Options.parse(List.of("--port", "0", "--data-dir",
                dataDir.toString(), "--tls", "--class", rosterFile.toString(), "--handouts", handouts.toString(),
                "--student-policy", "kms-student")), new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            String banner = printed.toString(StandardCharsets.UTF_8);
            assertThat(banner).contains("class: 30 students (30 new IAM users), handouts in " + handouts)
                    .contains("arn:aws:iam::" + ACCOUNT + ":user/student02 · kms-readonly · access key AKIA")
                    .contains("rate limit: 20 requests/s per access key, bursts of 40");
            List<Path> files;
            try (Stream<Path> list = Files.list(handouts)) {
                files = list.filter(p -> p.toString().endsWith(".aws-config")).sorted().toList();
            }
            assertThat(files).hasSize(30);
            Path ca = handouts.resolve("kmslab-ca.pem");
            assertThat(Files.readAllBytes(ca)).isEqualTo(Files.readAllBytes(dataDir.resolve("tls/certificate.pem")));
            if (OwnerOnlyFiles.isPosix()) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(handouts)))
                        .isEqualTo("rwx------");
                for (Path file : files) {
                    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                            .as(file.toString()).isEqualTo("rw-------");
                }
            }

            Map<String, Map<String, String>> profiles = new LinkedHashMap<>();
            for (Path file : files) {
                String name = file.getFileName().toString().replace(".aws-config", "");
                Map<String, String> profile = profile(Files.readString(file));
                assertThat(profile).containsEntry("region", "us-east-1")
                        .containsEntry("endpoint_url", server.endpoint().toString())
                        .containsEntry("ca_bundle", ca.toString())
                        .containsEntry("output", "json");
                assertThat(Files.readString(file)).contains("# You call the lab as IAM user arn:aws:iam::" + ACCOUNT
                        + ":user/" + name);
                profiles.put(name, profile);
            }
            assertThat(profiles.values().stream().map(p -> p.get("aws_access_key_id")).distinct()).hasSize(30);

            // Every student calls with their own handout's key, trusting only the handed-out certificate.
            try (SdkHttpClient http = TlsClients.httpClientTrusting(ca)) {
                for (Map.Entry<String, Map<String, String>> student : profiles.entrySet()) {
                    try (KmsClient sdk = TlsClients.over(http, server.endpoint(),
                            student.getValue().get("aws_access_key_id"),
                            student.getValue().get("aws_secret_access_key"))) {
                        sdk.listKeys();
                    }
                }
            }
            // A kms-student may create keys; the kms-readonly student may not.
            try (KmsClient readOnly = TlsClients.trusting(ca, server.endpoint(),
                    profiles.get("student02").get("aws_access_key_id"),
                    profiles.get("student02").get("aws_secret_access_key"))) {
                assertThatThrownBy(() -> readOnly.createKey(b -> b.description("not allowed")))
                        .isInstanceOfSatisfying(KmsException.class, e -> assertThat(e.awsErrorDetails().errorCode())
                                .isEqualTo("AccessDeniedException"));
            }

            // One handout used by the real AWS CLI exactly as handed out.
            if (AwsCliPresence.present()) {
                Path cliHome = Files.createDirectories(work.resolve("cli-home"));
                Files.copy(handouts.resolve("student07.aws-config"), cliHome.resolve("config"));
                AwsCli cli = AwsCli.withProfileFiles(cliHome);
                List<String> command = new java.util.ArrayList<>(List.of("aws", "--profile", "kmslab", "kms",
                        "create-key", "--description", "student07's key"));
                AwsCli.Result created = cli.runRaw(command);
                if (!created.ok() && created.stderr().contains("amazonaws.com")) {
                    // A CLI older than endpoint_url in profiles (Debian 12's awscli 2.9) calls AWS itself; the
                    // README tells students to add --endpoint-url then. Everything else still comes from the handout.
                    command.addAll(List.of("--endpoint-url", profiles.get("student07").get("endpoint_url")));
                    created = cli.runRaw(command);
                }
                assertThat(created.ok()).as(created.stderr()).isTrue();
                assertThat(created.stdout()).contains("\"Description\": \"student07's key\"");
            }
            List<JsonNode> events = awaitAudit(dataDir.resolve("audit.jsonl"), 30 + 1
                    + (AwsCliPresence.present() ? 1 : 0));
            for (String name : profiles.keySet()) {
                assertThat(events).as(name).anySatisfy(e -> {
                    assertThat(e.path("eventName").asText()).isEqualTo("ListKeys");
                    assertThat(e.path("principalArn").asText()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":user/"
                            + name);
                    assertThat(e.path("errorCode").isNull() || e.path("errorCode").isMissingNode()).isTrue();
                });
            }
            assertThat(events).anySatisfy(e -> {
                assertThat(e.path("eventName").asText()).isEqualTo("CreateKey");
                assertThat(e.path("principalArn").asText()).isEqualTo("arn:aws:iam::" + ACCOUNT
                        + ":user/student02");
                assertThat(e.path("errorCode").asText()).isEqualTo("AccessDeniedException");
            });
            if (AwsCliPresence.present()) {
                assertThat(events).anySatisfy(e -> {
                    assertThat(e.path("eventName").asText()).isEqualTo("CreateKey");
                    assertThat(e.path("principalArn").asText()).isEqualTo("arn:aws:iam::" + ACCOUNT
                            + ":user/student07");
                    assertThat(e.path("errorCode").isNull() || e.path("errorCode").isMissingNode()).isTrue();
                });
            }
        } finally {
            server.stop();
        }
    }

    @Test
    void aBadRoster_stopsServeBeforeItListens_namingFileAndLine() throws Exception {
        Path rosterFile = Files.writeString(work.resolve("roster.txt"), "alice\nbob!\n");
        assertThatThrownBy(() -> ServeCommand.run(ServeCommand.Options.parse(List.of("--port", "0", "--data-dir",
                dataDir.toString(), "--class", rosterFile.toString(), "--handouts",
                work.resolve("out").toString())), new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(rosterFile + ":2: 'bob!' is not a valid IAM user name (1-64 letters, digits and "
                        + "+ = , . @ _ -)");
        assertThat(work.resolve("out")).doesNotExist();
    }

    /** The settings of the one profile in a handout. */
    static Map<String, String> profile(String text) {
        Map<String, String> settings = new LinkedHashMap<>();
        boolean inProfile = false;
        for (String line : text.split("\n")) {
            if (line.startsWith("[")) {
                inProfile = line.equals("[profile kmslab]");
            } else if (inProfile && line.contains(" = ")) {
                settings.put(line.substring(0, line.indexOf(" = ")), line.substring(line.indexOf(" = ") + 3));
            }
        }
        return settings;
    }

    /** Reads the audit file until it holds at least {@code count} events (the writer flushes when idle). */
    static List<JsonNode> awaitAudit(Path file, int count) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        List<JsonNode> events = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            events.clear();
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file)) {
                    if (!line.isBlank()) {
                        events.add(JSON.readTree(line));
                    }
                }
            }
            if (events.size() >= count) {
                return events;
            }
            Thread.sleep(50);
        }
        return events;
    }

    /** Whether the AWS CLI can run here; skips nothing, fails when CI requires it and it is missing. */
    static final class AwsCliPresence {
        private static Boolean present;

        static synchronized boolean present() {
            if (present == null) {
                try {
                    AwsCli.requireOrSkip();
                    present = true;
                } catch (org.opentest4j.TestAbortedException skipped) {
                    present = false;
                }
            }
            return present;
        }
    }
}
