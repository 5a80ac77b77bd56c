package dev.kmslab.engine.store;

import static dev.kmslab.engine.store.StoreFixtures.DOCUMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every kind of damage to the file is reported as corruption, moved aside, and never mistaken for a wrong key. */
class SealedFileTamperTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"key-file", "passphrase"})
    void everySingleBitFlip_isCorruptAndMovedAside(String mode) throws Exception {
        storage(mode).save(DOCUMENT);
        Path file = dir.resolve("keystore.json");
        byte[] original = Files.readAllBytes(file);

        for (int i = 0; i < original.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] tampered = original.clone();
                tampered[i] ^= (byte) (1 << bit);
                Files.write(file, tampered);

                KeystoreCorruptException e = catchThrowableOfType(() -> storage(mode).load(),
                        KeystoreCorruptException.class);

                assertThat(e).as("byte %d bit %d", i, bit).isNotNull();
                assertThat(file).doesNotExist();
                assertThat(e.movedTo()).hasBinaryContent(tampered);
                Files.delete(e.movedTo());
            }
        }
    }

    @Test
    void everyTruncation_isCorrupt() throws Exception {
        storage("key-file").save(DOCUMENT);
        Path file = dir.resolve("keystore.json");
        byte[] original = Files.readAllBytes(file);

        for (int length = 0; length < original.length; length++) {
            Files.write(file, Arrays.copyOf(original, length));
            KeystoreCorruptException e = catchThrowableOfType(() -> storage("key-file").load(),
                    KeystoreCorruptException.class);
            assertThat(e).as("length %d", length).isNotNull();
            Files.delete(e.movedTo());
        }
    }

    @Test
    void corruptMessage_namesFileDestinationAndReason() throws Exception {
        storage("key-file").save(DOCUMENT);
        Path file = dir.resolve("keystore.json");
        Files.writeString(file, "{ not json");

        KeystoreCorruptException e = catchThrowableOfType(() -> storage("key-file").load(),
                KeystoreCorruptException.class);

        assertThat(e.file()).isEqualTo(file.toAbsolutePath());
        assertThat(e.movedTo().getFileName().toString()).isEqualTo("keystore.json.corrupt-20260301T101530Z");
        assertThat(e.getMessage())
                .isEqualTo("The keystore " + file.toAbsolutePath() + " is corrupt: it is not valid JSON (error at "
                        + "line 1, column 3). It was moved aside to " + e.movedTo() + " and has not been overwritten.");
    }

    @Test
    void emptyFile_isCorrupt() throws Exception {
        assertReason("", "the file is empty");
    }

    @Test
    void unknownVersion_isCorrupt() throws Exception {
        assertReason(savedJson().replace("\"version\" : 1", "\"version\" : 2"),
                "its format version 2 is not supported (expected 1)");
    }

    @Test
    void badBase64_isCorrupt() throws Exception {
        String json = savedJson();
        String nonce = json.replaceAll("(?s).*\"nonce\" : \"([^\"]+)\".*", "$1");
        assertReason(json.replace(nonce, "!!" + nonce.substring(2)), "its field 'nonce' is not valid base64");
    }

    @Test
    void reformattedJson_isCorrupt() throws Exception {
        assertReason(savedJson().replace("\n  ", "\n    "),
                "its layout differs from the one this program writes (the file was edited)");
    }

    @Test
    void unexpectedField_isCorrupt() throws Exception {
        assertReason(savedJson().replace("\"version\" : 1,", "\"version\" : 1, \"extra\" : 0,"),
                "it has an unexpected field 'extra'");
    }

    @Test
    void editedCiphertextWithRecomputedChecksum_failsAuthentication() throws Exception {
        SealedKeystoreFile sealed = savedEnvelope();
        byte[] ciphertext = sealed.ciphertext();
        ciphertext[3] ^= 1;
        writeEnvelope(new SealedKeystoreFile(sealed.kdf(), sealed.keyCheck(), sealed.nonce(), ciphertext));

        assertCorruptWith("its contents failed authentication (the ciphertext or header was modified)");
    }

    @Test
    void editedKeyCheckWithRecomputedChecksum_isCorruptNotWrongKey() throws Exception {
        SealedKeystoreFile sealed = savedEnvelope();
        byte[] check = sealed.keyCheck();
        check[0] ^= 1;
        writeEnvelope(new SealedKeystoreFile(sealed.kdf(), check, sealed.nonce(), sealed.ciphertext()));

        assertCorruptWith("its key check value was altered although the contents authenticate");
    }

    @Test
    void corruptFile_isNeverOverwritten_nextSaveStartsFresh() throws Exception {
        storage("key-file").save(DOCUMENT);
        Path file = dir.resolve("keystore.json");
        Files.writeString(file, "garbage");
        SealedFileStorage storage = storage("key-file");

        KeystoreCorruptException e = catchThrowableOfType(storage::load, KeystoreCorruptException.class);
        storage.save(DOCUMENT);

        assertThat(e.movedTo()).hasContent("garbage");
        assertThat(storage("key-file").load()).hasValue(DOCUMENT);
        assertThat(asideFiles()).containsExactly(e.movedTo());
    }

    private SealedFileStorage storage(String mode) {
        return mode.equals("key-file") ? StoreFixtures.keyFileStorage(dir)
                : StoreFixtures.passphraseStorage(dir, "pw");
    }

    private String savedJson() throws IOException {
        storage("key-file").save(DOCUMENT);
        return Files.readString(dir.resolve("keystore.json"));
    }

    private SealedKeystoreFile savedEnvelope() throws Exception {
        return SealedKeystoreFile.parse(savedJson().getBytes(StandardCharsets.UTF_8));
    }

    private void writeEnvelope(SealedKeystoreFile sealed) throws IOException {
        Files.write(dir.resolve("keystore.json"), sealed.toJson());
    }

    private void assertReason(String content, String reason) throws IOException {
        Files.writeString(dir.resolve("keystore.json"), content);
        assertCorruptWith(reason);
    }

    private void assertCorruptWith(String reason) {
        assertThatThrownBy(() -> storage("key-file").load())
                .isInstanceOf(KeystoreCorruptException.class)
                .hasMessageContaining(" is corrupt: " + reason + ". It was moved aside to ");
        assertThat(dir.resolve("keystore.json")).doesNotExist();
    }

    private java.util.List<Path> asideFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().contains(".corrupt-")).toList();
        }
    }
}
