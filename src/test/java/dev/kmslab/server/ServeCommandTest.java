package dev.kmslab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.server.auth.AccessKeyStore;
import dev.kmslab.server.auth.Credential;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {

    @TempDir
    Path dataDir;

    @Test
    void options_defaultToLoopbackOnPort4599() {
        ServeCommand.Options options = ServeCommand.Options.parse(List.of());
        assertThat(options.port()).isEqualTo(4599);
        assertThat(options.bind()).isEqualTo("127.0.0.1");
        assertThat(options.dataDir()).isEmpty();
    }

    @Test
    void options_readPortDataDirAndBind() {
        ServeCommand.Options options = ServeCommand.Options.parse(List.of("--port", "0", "--data-dir", "/tmp/x",
                "--bind", "0.0.0.0", "--issue-access-key", "arn:aws:iam::111122223333:user/alice"));
        assertThat(options).isEqualTo(new ServeCommand.Options(0, Optional.of("/tmp/x"), "0.0.0.0",
                Optional.of("arn:aws:iam::111122223333:user/alice")));
    }

    @Test
    void options_rejectUnknownFlagsBadPortsAndMissingValues() {
        assertThatThrownBy(() -> ServeCommand.Options.parse(List.of("--verbose")))
                .hasMessageContaining("unknown option: --verbose");
        assertThatThrownBy(() -> ServeCommand.Options.parse(List.of("--port", "http")))
                .hasMessageContaining("--port must be a number");
        assertThatThrownBy(() -> ServeCommand.Options.parse(List.of("--port", "70000")))
                .hasMessageContaining("0-65535");
        assertThatThrownBy(() -> ServeCommand.Options.parse(List.of("--data-dir")))
                .hasMessageContaining("--data-dir needs a value");
    }

    @Test
    void options_collectRolesAndUsersToCreate() {
        ServeCommand.Options options = ServeCommand.Options.parse(List.of("--create-role", "App", "--create-user",
                "alice", "--create-role", "Auditor"));
        assertThat(options.createRoles()).containsExactly("App", "Auditor");
        assertThat(options.createUsers()).containsExactly("alice");
    }

    @Test
    void issueAccessKey_forAnUnknownPrincipal_isRefusedWithHowToCreateIt() {
        assertThatThrownBy(() -> ServeCommand.run(ServeCommand.Options.parse(List.of("--port", "0", "--data-dir",
                dataDir.toString(), "--issue-access-key", "arn:aws:iam::111122223333:role/Ghost")),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("arn:aws:iam::111122223333:role/Ghost: no such principal")
                .hasMessageContaining("--create-role NAME");
        assertThat(dataDir.resolve(AccessKeyStore.FILE_NAME)).doesNotExist();
    }

    @Test
    void createUser_twice_keepsTheUserAndSaysSo() throws Exception {
        ServeCommand.Options options = ServeCommand.Options.parse(List.of("--port", "0", "--data-dir",
                dataDir.toString(), "--create-user", "alice"));
        ServeCommand.run(options, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).stop();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        KmsHttpServer again = ServeCommand.run(ServeCommand.Options.parse(List.of("--port", "0", "--data-dir",
                dataDir.toString(), "--create-user", "alice", "--issue-access-key",
                "arn:aws:iam::111122223333:user/alice")), new PrintStream(printed, true, StandardCharsets.UTF_8));
        again.stop();
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("user arn:aws:iam::111122223333:user/alice already exists")
                .contains("NEW access key for arn:aws:iam::111122223333:user/alice");
    }

    @Test
    void run_servesFromTheDataDirAndPrintsEndpointAndCredentials() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        KmsHttpServer server = ServeCommand.run(ServeCommand.Options.parse(List.of("--port", "0", "--data-dir",
                dataDir.toString(), "--create-role", "App", "--issue-access-key",
                "arn:aws:iam::111122223333:role/App")),
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            String banner = printed.toString(StandardCharsets.UTF_8);
            assertThat(banner).contains("listening on " + server.endpoint())
                    .contains("access key id 'test', secret access key 'test'")
                    .contains("region us-east-1")
                    .contains("created role arn:aws:iam::111122223333:role/App");
            RawKmsClient raw = new RawKmsClient(server.endpoint());
            AccessKeyStore keys = AccessKeyStore.inMemory("111122223333");
            assertThat(raw.call(keys.defaultCredential(), "CreateKey", "{}").status()).isEqualTo(200);
            Credential app = AccessKeyStore.open(dataDir, "111122223333", Clock.systemUTC()).issuedKeys().get(0);
            assertThat(banner).contains("NEW access key for arn:aws:iam::111122223333:role/App: access key id '"
                    + app.accessKeyId() + "', secret access key '" + app.secretAccessKey() + "'");
            assertThat(raw.call(app, "ListKeys", "{}").body()).contains("AccessDeniedException");
            assertThat(dataDir.resolve("keystore.journal")).exists();
            assertThat(dataDir.resolve("master.key")).exists();
        } finally {
            server.stop();
        }
    }
}
