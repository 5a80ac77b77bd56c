package dev.kmslab.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.EngineConfig;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.ListKeysRequest;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dropped, reordered, replayed, spliced or modified records are reported as corruption naming the file, the record
 * and its byte offset; the damaged journal is moved aside byte for byte and never written over. A record cut off at
 * the end (a crash mid-write) is not corruption: it is kept aside and the journal continues before it.
 */
class JournalTamperTest {

    static final CallerContext ROOT = CallerContext.root(EngineConfig.DEFAULT_ACCOUNT);

    @TempDir
    Path dir;
    Path file;
    byte[] original;
    /** Byte ranges of the header and of records 0 (snapshot) .. 3. */
    byte[] header;
    List<byte[]> records;
    List<Integer> offsets;

    @BeforeEach
    void journalWithASnapshotAndThreeChanges() throws Exception {
        JournalFileStorage storage = storage();
        KmsEngine engine = KmsEngine.open(EngineConfig.defaults().withStorage(storage));
        for (int i = 0; i < 4; i++) {
            engine.createKey(ROOT, CreateKeyRequest.symmetric());
        }
        storage.close();
        file = dir.resolve("keystore.journal");
        original = Files.readAllBytes(file);
        int position = JournalFormat.Header.parse(original).length();
        header = Arrays.copyOf(original, position);
        records = new ArrayList<>();
        offsets = new ArrayList<>();
        while (position < original.length) {
            int length = JournalFormat.FRAME_BYTES + ByteBuffer.wrap(original, position, 4).getInt();
            offsets.add(position);
            records.add(Arrays.copyOfRange(original, position, position + length));
            position += length;
        }
        assertThat(records).hasSize(4);
    }

    JournalFileStorage storage() {
        return JournalFileStorage.withKeyFile(dir, StoreFixtures.CLOCK);
    }

    KeystoreCorruptException loadCorrupt(byte[] tampered) throws Exception {
        Files.write(file, tampered);
        KeystoreCorruptException e = catchThrowableOfType(() -> storage().load(), KeystoreCorruptException.class);
        assertThat(e).isNotNull();
        assertThat(file).doesNotExist();
        assertThat(e.movedTo()).hasBinaryContent(tampered);
        assertThat(e.file()).isEqualTo(file.toAbsolutePath());
        return e;
    }

    byte[] journal(int... order) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header);
        for (int i : order) {
            out.writeBytes(records.get(i));
        }
        return out.toByteArray();
    }

    @Test
    void droppedRecord_isReportedWhereTheChainBreaks() throws Exception {
        KeystoreCorruptException e = loadCorrupt(journal(0, 1, 3));

        assertThat(e.getMessage()).isEqualTo("The keystore journal " + file.toAbsolutePath() + " is corrupt: record 2 "
                + "(byte offset " + offsets.get(2) + ") failed authentication: a record before it was dropped or "
                + "reordered, or this record's bytes were changed. It was moved aside to " + e.movedTo()
                + " and has not been overwritten.");
        assertThat(e.movedTo().getFileName().toString()).isEqualTo("keystore.journal.corrupt-20260301T101530Z");
    }

    @Test
    void droppedSnapshot_isCorrupt() throws Exception {
        assertThat(loadCorrupt(journal(1, 2, 3)).getMessage()).contains("record 0 (byte offset " + header.length
                + ") failed authentication");
    }

    @Test
    void reorderedRecords_areCorrupt() throws Exception {
        assertThat(loadCorrupt(journal(0, 2, 1, 3)).getMessage()).contains("record 1 (byte offset " + offsets.get(1)
                + ") failed authentication");
    }

    @Test
    void replayedRecord_isNamedAsACopy() throws Exception {
        assertThat(loadCorrupt(journal(0, 1, 2, 3, 1)).getMessage()).contains("record 4 (byte offset "
                + original.length + ") is a replayed copy of record 1");
        assertThat(loadCorrupt(journal(0, 1, 1, 2, 3)).getMessage()).contains("record 2 (byte offset "
                + offsets.get(2) + ") is a replayed copy of record 1");
    }

    @Test
    void recordFromAnotherJournal_isCorrupt() throws Exception {
        Path otherDir = Files.createDirectories(dir.resolve("other"));
        Files.copy(dir.resolve("master.key"), otherDir.resolve("master.key"));
        KmsEngine other = KmsEngine.open(EngineConfig.defaults()
                .withStorage(JournalFileStorage.withKeyFile(otherDir, StoreFixtures.CLOCK)));
        other.createKey(ROOT, CreateKeyRequest.symmetric());
        other.createKey(ROOT, CreateKeyRequest.symmetric());
        byte[] foreign = Files.readAllBytes(otherDir.resolve("keystore.journal"));
        int start = JournalFormat.Header.parse(foreign).length();
        start += JournalFormat.FRAME_BYTES + ByteBuffer.wrap(foreign, start, 4).getInt();
        byte[] spliced = journal(0, 1, 2, 3);
        spliced = Arrays.copyOf(spliced, spliced.length + foreign.length - start);
        System.arraycopy(foreign, start, spliced, original.length, foreign.length - start);

        assertThat(loadCorrupt(spliced).getMessage()).contains("record 4 (byte offset " + original.length
                + ") failed authentication");
    }

    @Test
    void changedBytes_anywhere_areCorrupt_neverLockedOrTorn() throws Exception {
        // Every byte of the header and of each record's frame, nonce and tag, and every 97th byte of the rest.
        java.util.SortedSet<Integer> positions = new java.util.TreeSet<>();
        for (int i = 0; i < header.length; i++) {
            positions.add(i);
        }
        for (int r = 0; r < records.size(); r++) {
            int start = offsets.get(r);
            int end = start + records.get(r).length;
            for (int i = start; i < start + JournalFormat.FRAME_BYTES + JournalFormat.NONCE_BYTES; i++) {
                positions.add(i);
            }
            for (int i = end - JournalFormat.TAG_BYTES; i < end; i++) {
                positions.add(i);
            }
        }
        for (int i = 0; i < original.length; i += 97) {
            positions.add(i);
        }
        for (int i : positions) {
            byte[] tampered = original.clone();
            tampered[i] ^= (byte) (1 << (i % 8));
            KeystoreCorruptException e = loadCorrupt(tampered);
            assertThat(e.getMessage()).as("byte %d", i).contains(file.toAbsolutePath().toString());
            Files.delete(e.movedTo());
        }
    }

    @Test
    void damagedHeader_isNamedWithItsBytes() throws Exception {
        byte[] tampered = original.clone();
        tampered[30] ^= 1;
        assertThat(loadCorrupt(tampered).getMessage()).contains("is corrupt: its header checksum does not match "
                + "(header bytes 0 to " + header.length + " were damaged or edited)");
    }

    @Test
    void damagedLength_isCorrupt_notATornTail() throws Exception {
        byte[] tampered = original.clone();
        tampered[offsets.get(3)] ^= 0x40;
        assertThat(loadCorrupt(tampered).getMessage()).contains("record 3 (byte offset " + offsets.get(3)
                + ") has a damaged length field");
    }

    @Test
    void lastRecordCutOff_isKeptAside_andTheKeystoreOpensWithoutIt() throws Exception {
        int cut = original.length - 10;
        Files.write(file, Arrays.copyOf(original, cut));

        JournalFileStorage storage = storage();
        KmsEngine engine = KmsEngine.open(EngineConfig.defaults().withStorage(storage));

        assertThat(engine.listKeys(ROOT, ListKeysRequest.firstPage()).keys()).hasSize(3);
        Path torn = dir.resolve("keystore.journal.torn-20260301T101530Z");
        assertThat(torn).hasBinaryContent(Arrays.copyOfRange(original, offsets.get(3), cut));
        assertThat(file).hasBinaryContent(Arrays.copyOf(original, offsets.get(3)));
        assertThat(storage.notices()).containsExactly("The keystore journal keystore.journal ended in record 3 cut "
                + "off by a crash before it was saved (" + (cut - offsets.get(3)) + " bytes at byte offset "
                + offsets.get(3) + "); those bytes were kept as keystore.journal.torn-20260301T101530Z and the "
                + "keystore continues from the last complete change.");
        engine.createKey(ROOT, CreateKeyRequest.symmetric());
        assertThat(KmsEngine.open(EngineConfig.defaults().withStorage(storage()))
                .listKeys(ROOT, ListKeysRequest.firstPage()).keys()).hasSize(4);
    }

    @Test
    void cutInsideTheSnapshot_isCorrupt() throws Exception {
        assertThat(loadCorrupt(Arrays.copyOf(original, offsets.get(1) - 5)).getMessage())
                .contains("it holds no snapshot record");
    }
}
