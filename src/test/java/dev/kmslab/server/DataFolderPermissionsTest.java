package dev.kmslab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kmslab.io.OwnerOnlyFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} keeps its data folder owner-only: made so on first start, tightened once when older and wider. */
class DataFolderPermissionsTest {

    @TempDir
    Path temp;

    private String serve(Path dataDir, String... extra) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<String> args = new java.util.ArrayList<>(List.of("--port", "0", "--data-dir", dataDir.toString()));
        args.addAll(List.of(extra));
        KmsHttpServer server = ServeCommand.run(ServeCommand.Options.parse(args),
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        // A call puts an event in the audit file, so the file exists before the modes are read.
        new RawKmsClient(server.endpoint()).call(new dev.kmslab.server.auth.Credential("test", "test",
                "arn:aws:iam::111122223333:root"), "ListKeys", "{}");
        server.stop();
        return printed.toString(StandardCharsets.UTF_8);
    }

    private static Map<String, String> modes(Path root) throws Exception {
        Map<String, String> modes = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path path : all.toList()) {
                modes.put(root.relativize(path).toString(), PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(path)));
            }
        }
        return modes;
    }

    @Test
    void firstStart_createsTheFolder700_andEveryFile600() throws Exception {
        assumeTrue(OwnerOnlyFiles.isPosix(), "file modes exist only on POSIX file systems");
        Path dataDir = temp.resolve("home/.kmslab");

        String banner = serve(dataDir, "--tls", "--create-user", "alice", "--issue-access-key",
                "arn:aws:iam::111122223333:user/alice");

        assertThat(banner).doesNotContain("private to you");
        Map<String, String> modes = modes(dataDir);
        assertThat(modes).containsKeys("", "audit.jsonl", "keystore.journal", "master.key", "access-keys.json",
                "tls", "tls/certificate.pem", "tls/private-key.pem");
        modes.forEach((path, mode) -> assertThat(mode).as(path)
                .isEqualTo(Files.isDirectory(dataDir.resolve(path)) ? "rwx------" : "rw-------"));
    }

    @Test
    void anOlderFolderReadableByOthers_isTightenedOnce_withANotice() throws Exception {
        assumeTrue(OwnerOnlyFiles.isPosix(), "file modes exist only on POSIX file systems");
        Path dataDir = Files.createDirectory(temp.resolve("kmslab"));
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String name : List.of("audit.jsonl", "settings.json", "quiz-progress.json")) {
            Path file = Files.writeString(dataDir.resolve(name), name.endsWith(".jsonl") ? "" : "{}");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }

        String first = serve(dataDir);

        assertThat(first).contains("Made the data folder " + dataDir.toAbsolutePath() + " private to you: 4 entries "
                + "were readable by other users (folders are now mode 700, files 600). This happens once.");
        modes(dataDir).forEach((path, mode) -> assertThat(mode).as(path)
                .isEqualTo(Files.isDirectory(dataDir.resolve(path)) ? "rwx------" : "rw-------"));

        assertThat(serve(dataDir)).doesNotContain("private to you");
    }
}
