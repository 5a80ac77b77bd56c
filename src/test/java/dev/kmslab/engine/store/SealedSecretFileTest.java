package dev.kmslab.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small sealed document beside the keystore: round trip, nothing in the clear, tampering and misuse detected. */
class SealedSecretFileTest {

    @TempDir
    Path dir;

    private static final byte[] SECRET = "{\"secretAccessKey\":\"wJalrXUtnFEMI/K7MDENG\"}"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void roundTrip_createsTheMasterKey_andKeepsNothingInTheClear() throws Exception {
        SealedSecretFile file = SealedSecretFile.withKeyFile(dir, "s.sealed", "sts sessions");
        assertThat(file.read()).isEmpty();
        file.write(SECRET);
        assertThat(dir.resolve("master.key")).exists();
        assertThat(new String(Files.readAllBytes(dir.resolve("s.sealed")), StandardCharsets.ISO_8859_1))
                .startsWith("KMSLABSF").doesNotContain("wJalrXUtnFEMI");
        assertThat(SealedSecretFile.withKeyFile(dir, "s.sealed", "sts sessions").read()).contains(SECRET);
    }

    @Test
    void aFlippedByte_anotherPurpose_orAnotherMasterKey_failAuthentication() throws Exception {
        SealedSecretFile.withKeyFile(dir, "s.sealed", "sts sessions").write(SECRET);
        Path sealed = dir.resolve("s.sealed");
        assertThatThrownBy(() -> SealedSecretFile.withKeyFile(dir, "s.sealed", "something else").read())
                .isInstanceOf(KeystoreCorruptException.class).hasMessageContaining("failed authentication");

        byte[] bytes = Files.readAllBytes(sealed);
        bytes[bytes.length - 20] ^= 1;
        Files.write(sealed, bytes);
        assertThatThrownBy(() -> SealedSecretFile.withKeyFile(dir, "s.sealed", "sts sessions").read())
                .isInstanceOf(KeystoreCorruptException.class)
                .hasMessage("The sealed file " + sealed.toAbsolutePath() + " failed authentication: it was "
                        + "modified, damaged, or sealed under another master key.");

        Path other = Files.createDirectory(dir.resolve("other"));
        SealedSecretFile.withKeyFile(other, "s.sealed", "sts sessions").write(SECRET);
        Files.copy(other.resolve("s.sealed"), sealed, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(() -> SealedSecretFile.withKeyFile(dir, "s.sealed", "sts sessions").read())
                .isInstanceOf(KeystoreCorruptException.class).hasMessageContaining("another master key");
    }

    @Test
    void notASealedFile_isNamedAsSuch() throws Exception {
        Files.writeString(dir.resolve("s.sealed"), "{\"plain\": true}");
        assertThatThrownBy(() -> SealedSecretFile.withKeyFile(dir, "s.sealed", "sts sessions").read())
                .isInstanceOf(KeystoreCorruptException.class).hasMessageContaining("is not a KMS Lab sealed file");
    }
}
