package dev.kmslab.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerOnlyFilesTest {

    @TempDir
    Path temp;

    @BeforeEach
    void posixOnly() {
        assumeTrue(OwnerOnlyFiles.isPosix(), "file modes exist only on POSIX file systems");
    }

    static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void aNewDataFolder_isCreatedOwnerOnly_withNothingToReport() throws Exception {
        Path data = temp.resolve("home/.kmslab");

        OwnerOnlyFiles.Tightening result = OwnerOnlyFiles.secureDirectory(data);

        assertThat(mode(data)).isEqualTo("rwx------");
        assertThat(result.tightened()).isEmpty();
        assertThat(result.notice()).isEmpty();
    }

    @Test
    void anOldFolderReadableByOthers_isTightenedOnce_withANotice() throws Exception {
        Path data = Files.createDirectory(temp.resolve("kmslab"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path audit = Files.writeString(data.resolve("audit.jsonl"), "{}\n");
        Files.setPosixFilePermissions(audit, PosixFilePermissions.fromString("rw-r--r--"));
        Path settings = Files.writeString(data.resolve("settings.json"), "{}");
        Files.setPosixFilePermissions(settings, PosixFilePermissions.fromString("rw-rw-rw-"));
        Path keys = Files.writeString(data.resolve("access-keys.json"), "{}");
        Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rw-------"));
        Path tls = Files.createDirectory(data.resolve("tls"));
        Files.setPosixFilePermissions(tls, PosixFilePermissions.fromString("rwxr-x---"));

        OwnerOnlyFiles.Tightening first = OwnerOnlyFiles.secureDirectory(data);

        assertThat(first.tightened()).containsExactlyInAnyOrder(data, audit, settings, tls);
        assertThat(first.notice()).hasValueSatisfying(n -> assertThat(n)
                .contains("Made the data folder " + data + " private to you: 4 entries were readable by other users")
                .contains("This happens once."));
        assertThat(mode(data)).isEqualTo("rwx------");
        assertThat(mode(tls)).isEqualTo("rwx------");
        assertThat(mode(audit)).isEqualTo("rw-------");
        assertThat(mode(settings)).isEqualTo("rw-------");
        assertThat(mode(keys)).isEqualTo("rw-------");

        OwnerOnlyFiles.Tightening second = OwnerOnlyFiles.secureDirectory(data);
        assertThat(second.tightened()).isEmpty();
        assertThat(second.notice()).isEmpty();
    }

    @Test
    void appendCreatesTheFileOwnerOnly_andWriteReplacesAtomicallyOwnerOnly() throws Exception {
        Path log = temp.resolve("audit.jsonl");
        try (OutputStream out = OwnerOnlyFiles.append(log)) {
            out.write('x');
        }
        assertThat(mode(log)).isEqualTo("rw-------");

        Path handout = temp.resolve("alice.aws-config");
        Files.writeString(handout, "old");
        Files.setPosixFilePermissions(handout, PosixFilePermissions.fromString("rw-r--r--"));
        OwnerOnlyFiles.write(handout, "new".getBytes());
        assertThat(Files.readString(handout)).isEqualTo("new");
        assertThat(mode(handout)).isEqualTo("rw-------");
    }

    @Test
    void symbolicLinksAreNotFollowed() throws Exception {
        Path data = Files.createDirectory(temp.resolve("kmslab"));
        Path outside = Files.writeString(temp.resolve("shared.txt"), "not ours to change");
        Files.setPosixFilePermissions(outside, PosixFilePermissions.fromString("rw-r--r--"));
        Files.createSymbolicLink(data.resolve("link"), outside);

        OwnerOnlyFiles.secureDirectory(data);

        assertThat(mode(outside)).isEqualTo("rw-r--r--");
    }
}
