package dev.kmslab.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessKeyStoreTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
    private static final String ROLE = "arn:aws:iam::111122223333:role/App";

    @TempDir
    Path dir;

    @Test
    void defaultKey_isTestTestForTheAccountRoot() {
        AccessKeyStore store = AccessKeyStore.inMemory("111122223333");
        Credential root = store.find("test").orElseThrow();
        assertThat(root.secretAccessKey()).isEqualTo("test");
        assertThat(root.principalArn()).isEqualTo("arn:aws:iam::111122223333:root");
        assertThat(store.find("nope")).isEmpty();
    }

    @Test
    void issuedKey_looksLikeAwsAndSurvivesReopen() throws Exception {
        AccessKeyStore store = AccessKeyStore.open(dir, "111122223333", CLOCK);
        Credential issued = store.issueAccessKey(ROLE);
        assertThat(issued.accessKeyId()).matches("AKIA[A-Z2-7]{16}");
        assertThat(issued.secretAccessKey()).hasSize(40);

        AccessKeyStore reopened = AccessKeyStore.open(dir, "111122223333", CLOCK);
        assertThat(reopened.find(issued.accessKeyId())).contains(issued);
        assertThat(reopened.issuedKeys()).containsExactly(issued);
    }

    @Test
    void keyFile_isReadableByTheOwnerOnly() throws Exception {
        AccessKeyStore.open(dir, "111122223333", CLOCK).issueAccessKey(ROLE);
        Path file = dir.resolve(AccessKeyStore.FILE_NAME);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }

    @Test
    void revokedKey_isGoneAfterReopen() throws Exception {
        AccessKeyStore store = AccessKeyStore.open(dir, "111122223333", CLOCK);
        Credential issued = store.issueAccessKey(ROLE);
        assertThat(store.revoke(issued.accessKeyId())).isTrue();
        assertThat(store.revoke("test")).isFalse();
        assertThat(store.find(issued.accessKeyId())).isEmpty();
        assertThat(AccessKeyStore.open(dir, "111122223333", CLOCK).find(issued.accessKeyId())).isEmpty();
    }

    @Test
    void corruptFile_isMovedAsideAndReported() throws Exception {
        Path file = dir.resolve(AccessKeyStore.FILE_NAME);
        Files.writeString(file, "{not json", StandardCharsets.UTF_8);
        AccessKeyStore store = AccessKeyStore.open(dir, "111122223333", CLOCK);
        assertThat(store.movedAside()).hasValueSatisfying(p -> {
            assertThat(p.getFileName().toString()).startsWith("access-keys.json.corrupt-");
            assertThat(p).hasContent("{not json");
        });
        assertThat(file).doesNotExist();
        assertThat(store.issuedKeys()).isEmpty();
    }

    @Test
    void nonPrincipalArn_isRefused() {
        AccessKeyStore store = AccessKeyStore.inMemory("111122223333");
        assertThatThrownBy(() -> store.issueAccessKey("arn:aws:kms:us-east-1:111122223333:key/x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toString_neverShowsTheSecret() throws Exception {
        Credential issued = AccessKeyStore.inMemory("111122223333").issueAccessKey(ROLE);
        assertThat(issued.toString()).doesNotContain(issued.secretAccessKey()).contains(issued.accessKeyId());
    }
}
