package dev.kmslab.engine.store;

import static dev.kmslab.engine.store.StoreFixtures.DOCUMENT;
import static dev.kmslab.engine.store.StoreFixtures.keyFileStorage;
import static dev.kmslab.engine.store.StoreFixtures.passphraseStorage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SealedFileStorageTest {

    @TempDir
    Path dir;

    @Test
    void missingFile_loadsEmpty() throws Exception {
        assertThat(keyFileStorage(dir).load()).isEmpty();
        assertThat(dir.resolve("master.key")).doesNotExist();
    }

    @Test
    void keyFile_roundTripsAcrossInstances() throws Exception {
        keyFileStorage(dir).save(DOCUMENT);

        assertThat(keyFileStorage(dir).load()).hasValue(DOCUMENT);
        assertThat(Files.size(dir.resolve("master.key"))).isEqualTo(32);
    }

    @Test
    void passphrase_roundTripsAcrossInstances() throws Exception {
        passphraseStorage(dir, "correct horse").save(DOCUMENT);

        assertThat(passphraseStorage(dir, "correct horse").load()).hasValue(DOCUMENT);
        assertThat(dir.resolve("master.key")).doesNotExist();
    }

    @Test
    void passphrase_headerRecordsArgon2Parameters() throws Exception {
        passphraseStorage(dir, "pw").save(DOCUMENT);

        JsonNode kdf = readJson().get("kdf");
        assertThat(kdf.get("type").asText()).isEqualTo("argon2id");
        assertThat(kdf.get("memoryKiB").asInt()).isEqualTo(8);
        assertThat(kdf.get("iterations").asInt()).isEqualTo(1);
        assertThat(kdf.get("parallelism").asInt()).isEqualTo(1);
        assertThat(Base64.getDecoder().decode(kdf.get("salt").asText())).hasSize(16);
    }

    @Test
    void file_neverContainsThePlaintext() throws Exception {
        keyFileStorage(dir).save(DOCUMENT);

        String stored = Files.readString(dir.resolve("keystore.json"), StandardCharsets.UTF_8);
        assertThat(stored).doesNotContain("material").doesNotContain("c2VjcmV0");
    }

    @Test
    void save_usesFreshNonceEveryTime() throws Exception {
        SealedFileStorage storage = keyFileStorage(dir);
        storage.save(DOCUMENT);
        JsonNode first = readJson();
        storage.save(DOCUMENT);
        JsonNode second = readJson();

        assertThat(second.get("nonce").asText()).isNotEqualTo(first.get("nonce").asText());
        assertThat(second.get("ciphertext").asText()).isNotEqualTo(first.get("ciphertext").asText());
        assertThat(second.get("keyCheck").asText()).isEqualTo(first.get("keyCheck").asText());
    }

    @Test
    void save_afterLoad_replacesDocument() throws Exception {
        keyFileStorage(dir).save(DOCUMENT);
        SealedFileStorage storage = keyFileStorage(dir);
        storage.load();
        byte[] updated = "{\"keys\":[]}".getBytes(StandardCharsets.UTF_8);
        storage.save(updated);

        assertThat(keyFileStorage(dir).load()).hasValue(updated);
    }

    @Test
    void save_overExistingKeystoreNotYetLoaded_isRefusedAndFileKept() throws Exception {
        keyFileStorage(dir).save(DOCUMENT);
        byte[] before = Files.readAllBytes(dir.resolve("keystore.json"));

        assertThatThrownBy(() -> keyFileStorage(dir).save(new byte[] {1}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("keystore.json exists but was not loaded");
        assertThat(dir.resolve("keystore.json")).hasBinaryContent(before);
    }

    @Test
    void closedStorage_refusesUse_andOthersStillOpenTheFile() throws Exception {
        SealedFileStorage storage = passphraseStorage(dir, "pw");
        storage.save(DOCUMENT);
        storage.close();

        assertThatThrownBy(storage::load).isInstanceOf(IllegalStateException.class)
                .hasMessageEndingWith("keystore.json has been closed");
        assertThatThrownBy(() -> storage.save(DOCUMENT)).isInstanceOf(IllegalStateException.class);
        assertThat(passphraseStorage(dir, "pw").load()).hasValue(DOCUMENT);
    }

    @Test
    void toString_revealsNoSecrets() {
        assertThat(new PassphraseMasterKey("hunter2-secret".toCharArray(), StoreFixtures.CHEAP).toString())
                .doesNotContain("hunter2");
        assertThat(passphraseStorage(dir, "hunter2-secret").toString()).doesNotContain("hunter2");
    }

    private JsonNode readJson() throws IOException {
        return new ObjectMapper().readTree(dir.resolve("keystore.json").toFile());
    }
}
