package dev.kmslab.engine.store;

import static dev.kmslab.engine.store.StoreFixtures.DOCUMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kmslab.io.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A save that fails part-way leaves the previous keystore readable and byte-for-byte the same. */
class SealedFileFailedSaveTest {

    private static final byte[] NEWER = "{\"keys\":[\"newer\"]}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void diskFullDuringSave_keepsPreviousFile() throws Exception {
        AtomicBoolean full = new AtomicBoolean(false);
        SealedFileStorage storage = StoreFixtures.storage(dir, new FileMasterKey(dir.resolve("master.key")),
                (target, bytes) -> {
                    if (full.get()) {
                        // What a full disk looks like to AtomicFile: the temporary sibling is half written.
                        Files.write(target.resolveSibling(".keystore.json.partial.tmp"),
                                Arrays.copyOf(bytes, bytes.length / 2));
                        throw new IOException("No space left on device");
                    }
                    AtomicFile.write(target, bytes);
                });
        storage.save(DOCUMENT);
        byte[] before = Files.readAllBytes(dir.resolve("keystore.json"));
        full.set(true);

        assertThatThrownBy(() -> storage.save(NEWER)).isInstanceOf(IOException.class)
                .hasMessage("No space left on device");

        assertThat(dir.resolve("keystore.json")).hasBinaryContent(before);
        assertThat(StoreFixtures.keyFileStorage(dir).load()).hasValue(DOCUMENT);
        full.set(false);
        storage.save(NEWER);
        assertThat(StoreFixtures.keyFileStorage(dir).load()).hasValue(NEWER);
    }

    @Test
    void readOnlyDirectory_keepsPreviousFile() throws Exception {
        SealedFileStorage storage = StoreFixtures.keyFileStorage(dir);
        storage.save(DOCUMENT);
        byte[] before = Files.readAllBytes(dir.resolve("keystore.json"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-x------"));
        try {
            // The superuser ignores directory permissions; the test only means something for ordinary users.
            assumeTrue(!Files.isWritable(dir), "directory permissions are not enforced for this user");
            assertThatThrownBy(() -> storage.save(NEWER)).isInstanceOf(IOException.class);
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
        assertThat(dir.resolve("keystore.json")).hasBinaryContent(before);
        assertThat(StoreFixtures.keyFileStorage(dir).load()).hasValue(DOCUMENT);
    }

    @Test
    void failedFirstSave_leavesNoKeystoreAndCanBeRetried() throws Exception {
        AtomicBoolean fail = new AtomicBoolean(true);
        SealedFileStorage storage = StoreFixtures.storage(dir, new FileMasterKey(dir.resolve("master.key")),
                (target, bytes) -> {
                    if (fail.get()) {
                        throw new IOException("disk full");
                    }
                    AtomicFile.write(target, bytes);
                });

        assertThatThrownBy(() -> storage.save(DOCUMENT)).hasMessage("disk full");
        assertThat(dir.resolve("keystore.json")).doesNotExist();
        fail.set(false);
        storage.save(DOCUMENT);
        assertThat(StoreFixtures.keyFileStorage(dir).load()).hasValue(DOCUMENT);
    }
}
