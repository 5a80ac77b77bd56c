package dev.kmslab.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one place both keystore formats go when a file is damaged or sealed under another key. */
class StoreDamageTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T02:15:09Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void corrupt_movesFileAsideAndNamesBothPlaces() throws Exception {
        Path file = Files.writeString(dir.resolve("keystore.journal"), "damaged bytes");
        IOException cause = new IOException("bad magic");

        KeystoreCorruptException e = StoreDamage.corrupt("keystore journal", file, "bad magic", cause, CLOCK);

        Path aside = dir.resolve("keystore.journal.corrupt-20261207T021509Z");
        assertThat(e.file()).isEqualTo(file);
        assertThat(e.movedTo()).isEqualTo(aside);
        assertThat(e).hasMessage("The keystore journal " + file + " is corrupt: bad magic. It was moved aside to "
                + aside + " and has not been overwritten.").hasCause(cause);
        assertThat(aside).hasContent("damaged bytes");
        assertThat(file).doesNotExist();
    }

    @Test
    void corrupt_twiceInOneSecond_keepsBothDamagedFiles() throws Exception {
        Path file = dir.resolve("keystore.json");
        Files.writeString(file, "first");
        KeystoreCorruptException first = StoreDamage.corrupt("keystore", file, "x", null, CLOCK);
        Files.writeString(file, "second");
        KeystoreCorruptException second = StoreDamage.corrupt("keystore", file, "y", null, CLOCK);

        assertThat(first.movedTo()).isEqualTo(dir.resolve("keystore.json.corrupt-20261207T021509Z"))
                .hasContent("first");
        assertThat(second.movedTo()).isEqualTo(dir.resolve("keystore.json.corrupt-20261207T021509Z-1"))
                .hasContent("second");
    }

    @Test
    void corrupt_fileThatCannotBeMoved_isReportedAsLeftInPlace() {
        Path file = dir.resolve("keystore.json");

        KeystoreCorruptException e = StoreDamage.corrupt("keystore", file, "truncated header", null, CLOCK);

        assertThat(e.movedTo()).isNull();
        assertThat(e.file()).isEqualTo(file);
        assertThat(e.getMessage()).startsWith("The keystore " + file + " is corrupt: truncated header. It could not "
                + "be moved aside (java.nio.file.NoSuchFileException: ").endsWith(") and has been left in place.");
        assertThat(e.getSuppressed()).singleElement().isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void wrongKey_forPassphraseHeader_saysWrongPassphraseAndLeavesFile() throws Exception {
        Path file = Files.writeString(dir.resolve("keystore.json"), "sealed");
        KdfHeader argon = new KdfHeader.Argon2id(Argon2Parameters.DEFAULT, new byte[16]);

        KeystoreLockedException e = StoreDamage.wrongKey(file, argon);

        assertThat(e.reason()).isEqualTo(KeystoreLockedException.Reason.WRONG_PASSPHRASE);
        assertThat(e.file()).isEqualTo(file);
        assertThat(e).hasMessage("Wrong passphrase for the keystore " + file + "; the file was left unchanged");
        assertThat(file).hasContent("sealed");
    }

    @Test
    void wrongKey_forKeyFileHeader_saysDifferentMasterKey() {
        Path file = dir.resolve("keystore.json");

        KeystoreLockedException e = StoreDamage.wrongKey(file, new KdfHeader.KeyFile());

        assertThat(e.reason()).isEqualTo(KeystoreLockedException.Reason.WRONG_MASTER_KEY);
        assertThat(e).hasMessage("The keystore " + file + " was sealed with a different master key than the one in "
                + "the key file; the file was left unchanged");
    }

    @Test
    void requireKeyFileHeader_passphraseHeader_isLockedAsPassphraseRequired() {
        Path file = dir.resolve("keystore.json");
        KdfHeader argon = new KdfHeader.Argon2id(Argon2Parameters.DEFAULT, new byte[16]);

        KeystoreLockedException e = catchThrowableOfType(() -> StoreDamage.requireKeyFileHeader(argon, file),
                KeystoreLockedException.class);

        assertThat(e.reason()).isEqualTo(KeystoreLockedException.Reason.PASSPHRASE_REQUIRED);
        assertThat(e.file()).isEqualTo(file);
        assertThat(e).hasMessage("The keystore " + file + " is protected by a passphrase; open it with the passphrase");
    }

    @Test
    void requireKeyFileHeader_keyFileHeader_passes() throws Exception {
        StoreDamage.requireKeyFileHeader(new KdfHeader.KeyFile(), dir.resolve("keystore.json"));
    }
}
