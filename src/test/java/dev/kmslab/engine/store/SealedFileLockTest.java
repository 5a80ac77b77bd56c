package dev.kmslab.engine.store;

import static dev.kmslab.engine.store.StoreFixtures.DOCUMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A wrong or missing key is a distinct error that leaves the keystore untouched; key files are owner-only. */
class SealedFileLockTest {

    @TempDir
    Path dir;

    @Test
    void wrongPassphrase_isLockedAndFileUntouched() throws Exception {
        StoreFixtures.passphraseStorage(dir, "right").save(DOCUMENT);
        byte[] before = keystoreBytes();

        KeystoreLockedException e = catchThrowableOfType(
                () -> StoreFixtures.passphraseStorage(dir, "wrong").load(), KeystoreLockedException.class);

        assertThat(e.reason()).isEqualTo(KeystoreLockedException.Reason.WRONG_PASSPHRASE);
        assertThat(e).hasMessage("Wrong passphrase for the keystore " + keystore() + "; the file was left unchanged");
        assertUntouched(before);
    }

    @Test
    void replacedMasterKeyFile_isLockedAndFileUntouched() throws Exception {
        StoreFixtures.keyFileStorage(dir).save(DOCUMENT);
        byte[] before = keystoreBytes();
        Files.write(dir.resolve("master.key"), new byte[32]);

        KeystoreLockedException e = catchThrowableOfType(() -> StoreFixtures.keyFileStorage(dir).load(),
                KeystoreLockedException.class);

        assertThat(e.reason()).isEqualTo(KeystoreLockedException.Reason.WRONG_MASTER_KEY);
        assertUntouched(before);
    }

    @Test
    void missingMasterKeyFile_isLockedAndNotRecreated() throws Exception {
        StoreFixtures.keyFileStorage(dir).save(DOCUMENT);
        byte[] before = keystoreBytes();
        Files.delete(dir.resolve("master.key"));

        KeystoreLockedException e = catchThrowableOfType(() -> StoreFixtures.keyFileStorage(dir).load(),
                KeystoreLockedException.class);

        assertThat(e.reason()).isEqualTo(KeystoreLockedException.Reason.MASTER_KEY_MISSING);
        assertThat(dir.resolve("master.key")).doesNotExist();
        assertUntouched(before);
    }

    @Test
    void shortMasterKeyFile_isLocked() throws Exception {
        StoreFixtures.keyFileStorage(dir).save(DOCUMENT);
        Files.write(dir.resolve("master.key"), new byte[31]);

        KeystoreLockedException e = catchThrowableOfType(() -> StoreFixtures.keyFileStorage(dir).load(),
                KeystoreLockedException.class);

        assertThat(e.reason()).isEqualTo(KeystoreLockedException.Reason.MASTER_KEY_UNREADABLE);
        assertThat(e).hasMessageContaining("holds 31 bytes instead of 32");
    }

    @Test
    void passphraseKeystoreOpenedWithKeyFile_saysPassphraseRequired() throws Exception {
        StoreFixtures.passphraseStorage(dir, "pw").save(DOCUMENT);
        byte[] before = keystoreBytes();

        KeystoreLockedException e = catchThrowableOfType(() -> StoreFixtures.keyFileStorage(dir).load(),
                KeystoreLockedException.class);

        assertThat(e.reason()).isEqualTo(KeystoreLockedException.Reason.PASSPHRASE_REQUIRED);
        assertUntouched(before);
    }

    @Test
    void keyFileKeystoreOpenedWithPassphrase_saysKeyFileRequired() throws Exception {
        StoreFixtures.keyFileStorage(dir).save(DOCUMENT);

        KeystoreLockedException e = catchThrowableOfType(() -> StoreFixtures.passphraseStorage(dir, "pw").load(),
                KeystoreLockedException.class);

        assertThat(e.reason()).isEqualTo(KeystoreLockedException.Reason.KEY_FILE_REQUIRED);
    }

    @Test
    void keyFilesAreOwnerOnly_fromCreation() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        StoreFixtures.keyFileStorage(dir).save(DOCUMENT);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("master.key"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keystore())))
                .isEqualTo("rw-------");
        assertThat(new FileMasterKey(dir.resolve("master.key")).permissionProblem()).isEmpty();
    }

    @Test
    void groupReadableMasterKey_isFlagged() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        StoreFixtures.keyFileStorage(dir).save(DOCUMENT);
        Path key = dir.resolve("master.key");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(new FileMasterKey(key).permissionProblem()).hasValue("The master key file "
                + key.toAbsolutePath() + " can be accessed by other users (rw-r--r--); restrict it with: chmod 600 "
                + key.toAbsolutePath());
    }

    private Path keystore() {
        return dir.resolve("keystore.json").toAbsolutePath();
    }

    private byte[] keystoreBytes() throws IOException {
        return Files.readAllBytes(keystore());
    }

    private void assertUntouched(byte[] before) throws IOException {
        assertThat(keystore()).hasBinaryContent(before);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.filter(p -> p.getFileName().toString().contains(".corrupt-"))).isEmpty();
        }
    }
}
