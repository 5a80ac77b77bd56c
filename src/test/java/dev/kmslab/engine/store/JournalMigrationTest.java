package dev.kmslab.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.EngineConfig;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.model.CreateAliasRequest;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.DecryptRequest;
import dev.kmslab.engine.model.DescribeKeyRequest;
import dev.kmslab.engine.model.EncryptRequest;
import dev.kmslab.engine.model.ListKeysRequest;
import dev.kmslab.engine.model.Tag;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A keystore in the single-file format (version 1) becomes a journal on first open; the old file is kept. */
class JournalMigrationTest {

    static final CallerContext ROOT = CallerContext.root(EngineConfig.DEFAULT_ACCOUNT);
    static final Map<String, String> CONTEXT = Map.of("purpose", "migration");

    @TempDir
    Path dir;

    record Fixture(String keyId, byte[] blob, byte[] fileBytes) {
    }

    /** What an earlier KMS Lab left behind: keystore.json written by the single-file storage. */
    Fixture oldKeystore(SealedFileStorage old) throws Exception {
        KmsEngine engine = KmsEngine.open(EngineConfig.defaults().withStorage(old));
        String keyId = engine.createKey(ROOT, new CreateKeyRequest("from v1", null, null, null,
                List.of(new Tag("era", "v1")))).keyMetadata().keyId();
        engine.createKey(ROOT, CreateKeyRequest.symmetric());
        engine.createAlias(ROOT, new CreateAliasRequest("alias/old", keyId));
        byte[] blob = engine.encrypt(ROOT, EncryptRequest.of(keyId, "v1 data".getBytes(StandardCharsets.UTF_8),
                CONTEXT)).ciphertextBlob();
        old.close();
        return new Fixture(keyId, blob, Files.readAllBytes(dir.resolve("keystore.json")));
    }

    @Test
    void oldKeystore_isMigratedOnFirstOpen_keptAsBak_andTheUserIsTold() throws Exception {
        Fixture old = oldKeystore(SealedFileStorage.withKeyFile(dir, StoreFixtures.CLOCK));

        JournalFileStorage journal = JournalFileStorage.withKeyFile(dir, StoreFixtures.CLOCK);
        KmsEngine engine = KmsEngine.open(EngineConfig.defaults().withStorage(journal));

        assertThat(journal.notices()).containsExactly("The keystore keystore.json was converted to the journal "
                + "format (keystore.journal); the old file is kept as keystore.json.v1.bak.");
        assertThat(dir.resolve("keystore.json")).doesNotExist();
        assertThat(dir.resolve("keystore.json.v1.bak")).hasBinaryContent(old.fileBytes());
        assertThat(dir.resolve("keystore.journal")).exists();
        assertThat(engine.describeKey(ROOT, new DescribeKeyRequest("alias/old")).keyMetadata().description())
                .isEqualTo("from v1");
        assertThat(engine.decrypt(ROOT, DecryptRequest.of(old.blob(), CONTEXT)).plaintext())
                .isEqualTo("v1 data".getBytes(StandardCharsets.UTF_8));
        engine.createKey(ROOT, CreateKeyRequest.symmetric());
        journal.close();

        JournalFileStorage again = JournalFileStorage.withKeyFile(dir, StoreFixtures.CLOCK);
        KmsEngine reopened = KmsEngine.open(EngineConfig.defaults().withStorage(again));
        assertThat(again.notices()).isEmpty();
        assertThat(reopened.listKeys(ROOT, ListKeysRequest.firstPage()).keys()).hasSize(3);
    }

    @Test
    void passphraseKeystore_migratesUnderTheSamePassphrase() throws Exception {
        Fixture old = oldKeystore(SealedFileStorage.withPassphrase(dir, "correct horse".toCharArray(),
                StoreFixtures.CHEAP, StoreFixtures.CLOCK));

        JournalFileStorage journal = JournalFileStorage.withPassphrase(dir, "correct horse".toCharArray(),
                StoreFixtures.CHEAP, StoreFixtures.CLOCK);
        KmsEngine engine = KmsEngine.open(EngineConfig.defaults().withStorage(journal));
        journal.close();

        assertThat(engine.decrypt(ROOT, DecryptRequest.of(old.blob(), CONTEXT)).plaintext())
                .isEqualTo("v1 data".getBytes(StandardCharsets.UTF_8));
        KeystoreLockedException wrong = catchThrowableOfType(() -> JournalFileStorage.withPassphrase(dir,
                "wrong".toCharArray(), StoreFixtures.CHEAP, StoreFixtures.CLOCK).load(),
                KeystoreLockedException.class);
        assertThat(wrong.reason()).isEqualTo(KeystoreLockedException.Reason.WRONG_PASSPHRASE);
    }

    @Test
    void oldKeystoreUnderAnotherMasterKey_isLeftAlone_andNoJournalIsWritten() throws Exception {
        Fixture old = oldKeystore(SealedFileStorage.withKeyFile(dir, StoreFixtures.CLOCK));
        Files.delete(dir.resolve("master.key"));
        Files.write(dir.resolve("master.key"), new byte[32]);

        KeystoreLockedException e = catchThrowableOfType(
                () -> JournalFileStorage.withKeyFile(dir, StoreFixtures.CLOCK).load(), KeystoreLockedException.class);

        assertThat(e.reason()).isEqualTo(KeystoreLockedException.Reason.WRONG_MASTER_KEY);
        assertThat(dir.resolve("keystore.json")).hasBinaryContent(old.fileBytes());
        assertThat(dir.resolve("keystore.journal")).doesNotExist();
    }

    @Test
    void damagedOldKeystore_isMovedAside_asBefore() throws Exception {
        Files.writeString(dir.resolve("keystore.json"), "{ not a keystore");

        KeystoreCorruptException e = catchThrowableOfType(
                () -> JournalFileStorage.withKeyFile(dir, StoreFixtures.CLOCK).load(), KeystoreCorruptException.class);

        assertThat(e.movedTo().getFileName().toString()).isEqualTo("keystore.json.corrupt-20260301T101530Z");
        assertThat(dir.resolve("keystore.journal")).doesNotExist();
    }

    @Test
    void oldKeystoreBesideAJournal_isKeptAside_andTheJournalWins() throws Exception {
        Fixture old = oldKeystore(SealedFileStorage.withKeyFile(dir, StoreFixtures.CLOCK));
        JournalFileStorage first = JournalFileStorage.withKeyFile(dir, StoreFixtures.CLOCK);
        KmsEngine.open(EngineConfig.defaults().withStorage(first)).createKey(ROOT, CreateKeyRequest.symmetric());
        first.close();
        Files.copy(dir.resolve("keystore.json.v1.bak"), dir.resolve("keystore.json"));

        JournalFileStorage journal = JournalFileStorage.withKeyFile(dir, StoreFixtures.CLOCK);
        KmsEngine engine = KmsEngine.open(EngineConfig.defaults().withStorage(journal));

        assertThat(engine.listKeys(ROOT, ListKeysRequest.firstPage()).keys()).hasSize(3);
        assertThat(journal.notices()).containsExactly("An old-format keystore keystore.json was found beside "
                + "keystore.journal, which is in use; it was kept as keystore.json.v1-1.bak.");
        assertThat(dir.resolve("keystore.json.v1-1.bak")).hasBinaryContent(old.fileBytes());
    }
}
