package dev.kmslab.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.EngineConfig;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.SimulatedClock;
import dev.kmslab.engine.error.KMSInternalException;
import dev.kmslab.engine.model.CreateAliasRequest;
import dev.kmslab.engine.model.CreateGrantRequest;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.DecryptRequest;
import dev.kmslab.engine.model.EncryptRequest;
import dev.kmslab.engine.model.ListKeysRequest;
import dev.kmslab.engine.model.PutKeyPolicyRequest;
import dev.kmslab.engine.model.ScheduleKeyDeletionRequest;
import dev.kmslab.engine.model.Tag;
import dev.kmslab.engine.model.TagResourceRequest;
import dev.kmslab.engine.model.UntagResourceRequest;
import dev.kmslab.engine.state.EngineState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal keeps every kind of change, appends instead of rewriting, compacts, and keeps secrets sealed. */
class JournalFileStorageTest {

    static final CallerContext ROOT = CallerContext.root(EngineConfig.DEFAULT_ACCOUNT);
    static final Map<String, String> CONTEXT = Map.of("purpose", "journal-test");

    @TempDir
    Path dir;

    /** Remembers the last state the engine saved, to compare with what a reopened journal gives back. */
    static final class Recording implements ChangeStorage {
        final JournalFileStorage journal;
        EngineState last;

        Recording(JournalFileStorage journal) {
            this.journal = journal;
        }

        @Override
        public java.util.Optional<byte[]> load() throws IOException, KeystoreCorruptException {
            return journal.load();
        }

        @Override
        public void save(byte[] document) throws IOException {
            journal.save(document);
        }

        @Override
        public void saveChange(EngineState before, EngineState next) throws IOException {
            journal.saveChange(before, next);
            last = next;
        }
    }

    static KmsEngine open(KeystoreStorage storage) throws Exception {
        return KmsEngine.open(EngineConfig.defaults().withClock(SimulatedClock.startingNow()).withStorage(storage));
    }

    JournalFileStorage journal(long compactionFloor) {
        return new JournalFileStorage(dir.resolve("keystore.journal"), dir.resolve("keystore.json"),
                new FileMasterKey(dir.resolve("master.key")), StoreFixtures.CLOCK, new SecureRandom(),
                compactionFloor);
    }

    @Test
    void everyKindOfChange_reloadsToTheSameDocument() throws Exception {
        Recording storage = new Recording(journal(JournalFileStorage.MIN_COMPACTION_BYTES));
        KmsEngine engine = open(storage);
        String a = engine.createKey(ROOT, CreateKeyRequest.symmetric()).keyMetadata().keyId();
        String b = engine.createKey(ROOT, CreateKeyRequest.symmetric()).keyMetadata().keyId();
        String c = engine.createKey(ROOT, CreateKeyRequest.symmetric()).keyMetadata().keyId();
        engine.createAlias(ROOT, new CreateAliasRequest("alias/b", b));
        engine.createAlias(ROOT, new CreateAliasRequest("alias/a", a));
        engine.tagResource(ROOT, new TagResourceRequest(a, List.of(new Tag("env", "lab"), new Tag("team", "x"))));
        engine.untagResource(ROOT, new UntagResourceRequest(a, List.of("team")));
        engine.createGrant(ROOT, CreateGrantRequest.of(c, "arn:aws:iam::111122223333:role/App", List.of("Decrypt")));
        engine.createGrant(ROOT, CreateGrantRequest.of(a, "arn:aws:iam::111122223333:role/App", List.of("Encrypt")));
        engine.putKeyPolicy(ROOT, new PutKeyPolicyRequest(b, null, "{\"Version\": \"2012-10-17\", \"Statement\": "
                + "[{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"arn:aws:iam::111122223333:root\"}, "
                + "\"Action\": \"kms:*\", \"Resource\": \"*\"}]}", false));
        engine.principals().createRole(EngineConfig.DEFAULT_ACCOUNT, "App");
        engine.scheduleKeyDeletion(ROOT, new ScheduleKeyDeletionRequest(c, 7));
        engine.advanceClock(Duration.ofDays(8));
        byte[] blob = engine.encrypt(ROOT, EncryptRequest.of(a, "kept".getBytes(StandardCharsets.UTF_8), CONTEXT))
                .ciphertextBlob();
        storage.journal.close();

        JournalFileStorage reopened = journal(JournalFileStorage.MIN_COMPACTION_BYTES);
        byte[] document = reopened.load().orElseThrow();

        assertThat(new String(EngineStateCodec.encode(EngineStateCodec.decode(document)), StandardCharsets.UTF_8))
                .isEqualTo(new String(EngineStateCodec.encode(storage.last), StandardCharsets.UTF_8));
        KmsEngine restarted = open(reopened);
        assertThat(restarted.decrypt(ROOT, DecryptRequest.of(blob, CONTEXT)).plaintext())
                .isEqualTo("kept".getBytes(StandardCharsets.UTF_8));
        assertThat(restarted.listKeys(ROOT, ListKeysRequest.firstPage()).keys())
                .extracting(k -> k.keyId()).containsExactly(a, b);
        assertThat(reopened.notices()).isEmpty();
    }

    @Test
    void aChange_appendsOneSmallRecord_whateverTheKeystoreSize() throws Exception {
        JournalFileStorage storage = journal(JournalFileStorage.MIN_COMPACTION_BYTES);
        KmsEngine engine = open(storage);
        Path file = dir.resolve("keystore.journal");
        engine.createKey(ROOT, CreateKeyRequest.symmetric());
        long first = Files.size(file);
        engine.createKey(ROOT, CreateKeyRequest.symmetric());
        long growthAtOne = Files.size(file) - first;
        for (int i = 0; i < 200; i++) {
            engine.createKey(ROOT, CreateKeyRequest.symmetric());
        }
        long before = Files.size(file);
        engine.createKey(ROOT, CreateKeyRequest.symmetric());
        long growthAt200 = Files.size(file) - before;

        assertThat(growthAt200).isEqualTo(growthAtOne).isLessThan(2048);
    }

    @Test
    void compaction_replacesChangesWithASnapshot_andKeepsEverything() throws Exception {
        JournalFileStorage storage = journal(4096);
        KmsEngine engine = open(storage);
        int compactions = 0;
        for (int i = 0; i < 60; i++) {
            engine.createKey(ROOT, new CreateKeyRequest("key " + i, null, null, null, List.of()));
            compactions += storage.records() == 1 ? 1 : 0;
        }
        storage.close();

        KmsEngine restarted = open(journal(4096));

        assertThat(compactions).as("snapshots written after the first").isGreaterThan(1);
        assertThat(restarted.listKeys(ROOT, new ListKeysRequest(1000, null)).keys()).hasSize(60);
    }

    @Test
    void nothingSecretOrIdentifying_isReadableOnDisk() throws Exception {
        JournalFileStorage storage = journal(JournalFileStorage.MIN_COMPACTION_BYTES);
        KmsEngine engine = open(storage);
        String keyId = engine.createKey(ROOT, new CreateKeyRequest("payroll key", null, null, null,
                List.of(new Tag("owner", "alice")))).keyMetadata().keyId();
        engine.createAlias(ROOT, new CreateAliasRequest("alias/payroll", keyId));

        String onDisk = new String(Files.readAllBytes(dir.resolve("keystore.journal")), StandardCharsets.ISO_8859_1);

        assertThat(onDisk).doesNotContain(keyId).doesNotContain("payroll").doesNotContain("alice")
                .doesNotContain("material").startsWith("KMSLAB-J");
    }

    @Test
    void anotherMasterKey_isLocked_andTheJournalIsLeftAsItIs() throws Exception {
        open(journal(JournalFileStorage.MIN_COMPACTION_BYTES)).createKey(ROOT, CreateKeyRequest.symmetric());
        Path file = dir.resolve("keystore.journal");
        byte[] before = Files.readAllBytes(file);
        Files.delete(dir.resolve("master.key"));
        Files.write(dir.resolve("master.key"), new byte[32]);

        KeystoreLockedException e = catchThrowableOfType(
                () -> journal(JournalFileStorage.MIN_COMPACTION_BYTES).load(), KeystoreLockedException.class);

        assertThat(e.reason()).isEqualTo(KeystoreLockedException.Reason.WRONG_MASTER_KEY);
        assertThat(file).hasBinaryContent(before);
    }

    @Test
    void aSecondWriter_isRefused_untilTheFirstCloses() throws Exception {
        JournalFileStorage first = journal(JournalFileStorage.MIN_COMPACTION_BYTES);
        open(first).createKey(ROOT, CreateKeyRequest.symmetric());
        JournalFileStorage second = journal(JournalFileStorage.MIN_COMPACTION_BYTES);
        KmsEngine other = open(second);

        KMSInternalException refused = catchThrowableOfType(
                () -> other.createKey(ROOT, CreateKeyRequest.symmetric()), KMSInternalException.class);

        assertThat(refused.getCause()).isInstanceOf(KeystoreLockedException.class)
                .hasMessageContaining("is being written by another KMS Lab process");
        first.close();
        other.createKey(ROOT, CreateKeyRequest.symmetric());
        assertThat(open(journal(JournalFileStorage.MIN_COMPACTION_BYTES)).listKeys(ROOT, ListKeysRequest.firstPage())
                .keys()).hasSize(2);
    }
}
