package dev.kmslab.engine.store;

import dev.kmslab.engine.state.EngineState;
import dev.kmslab.io.AtomicFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps the engine's keystore as an append-only, sealed journal in one file: a snapshot record, then one record per
 * committed change holding only the entities that change touched ({@link StateEntities}). A change costs one append
 * and one {@code fsync} whatever the size of the keystore; when the changes outweigh the snapshot, the journal is
 * compacted into a new file holding a fresh snapshot, written atomically (temporary file, fsync, rename). The byte
 * layout is on {@link JournalFormat}.
 *
 * <h2>Promises</h2>
 * <ul>
 *   <li><b>Encrypted at rest.</b> Every record is AES-256-GCM under a key derived (HKDF-SHA256) from the same master
 *       key as the single-file keystore ({@code master.key} or a passphrase); key material is never on disk in the
 *       clear.</li>
 *   <li><b>Durable when acknowledged.</b> {@link #saveChange} returns only after the record is forced to the device;
 *       a record is acknowledged only then, so a crash can cut off at most an unacknowledged last record.</li>
 *   <li><b>Tamper-evident.</b> Each record's AAD binds the header, its number and the previous record's tag, so a
 *       modified, dropped, reordered, replayed or foreign record fails authentication and is reported with the file,
 *       the record number and its byte offset. Not detectable: cutting whole records off the end, or putting back an
 *       older copy of the whole file (both look like a keystore from before those changes).</li>
 *   <li><b>Never overwritten when damaged.</b> A corrupt journal is moved aside ({@code .corrupt-<time>}) and reported
 *       with {@link KeystoreCorruptException}; a wrong key or passphrase leaves it in place
 *       ({@link KeystoreLockedException}). A record cut off by a crash (fewer bytes than its length says) is not
 *       damage: its bytes are kept as {@code .torn-<time>}, the journal is shortened to its last complete record and
 *       {@link #notices()} says so.</li>
 *   <li><b>One writer.</b> The first write takes an exclusive lock ({@code <journal>.lock}); a second process writing
 *       the same keystore gets {@link KeystoreLockedException} ({@code IN_USE}) instead of interleaving records.</li>
 *   <li><b>Migration.</b> With no journal but a single-file keystore ({@code keystore.json}, {@link SealedFileStorage})
 *       beside it, the first load converts it, keeps the old file as {@code keystore.json.v1.bak} and says so in
 *       {@link #notices()}.</li>
 * </ul>
 */
public final class JournalFileStorage implements ChangeStorage, AutoCloseable {

    public static final String DEFAULT_FILE_NAME = "keystore.journal";
    /** The journal is compacted once its change records take more than the snapshot, and at least this much. */
    static final long MIN_COMPACTION_BYTES = 1 << 20;
    private static final byte[] NO_TAG = new byte[JournalFormat.TAG_BYTES];
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path file;
    private final Path legacyFile;
    private final MasterKeySource keySource;
    private final Clock clock;
    private final SecureRandom random;
    private final long compactionFloor;
    private final List<String> notices = new ArrayList<>();

    private JournalFormat.Header header;
    private SealingKeys keys;
    private FileChannel channel;
    private FileChannel lockChannel;
    private FileLock lock;
    private long size;
    private long snapshotBytes;
    private long nextRecord;
    private byte[] lastTag;
    private boolean loaded;
    private boolean broken;
    private boolean closed;

    JournalFileStorage(Path file, Path legacyFile, MasterKeySource keySource, Clock clock, SecureRandom random,
                       long compactionFloor) {
        this.file = file.toAbsolutePath();
        this.legacyFile = legacyFile == null ? null : legacyFile.toAbsolutePath();
        this.keySource = keySource;
        this.clock = clock;
        this.random = random;
        this.compactionFloor = compactionFloor;
    }

    /**
     * @param legacyFile a single-file keystore to migrate on first load when the journal does not exist yet; null
     *                   for none
     */
    public JournalFileStorage(Path file, Path legacyFile, MasterKeySource keySource, Clock clock) {
        this(file, legacyFile, keySource, clock, new SecureRandom(), MIN_COMPACTION_BYTES);
    }

    /** {@code <dataDir>/keystore.journal} sealed under {@code <dataDir>/master.key}, migrating keystore.json. */
    public static JournalFileStorage withKeyFile(Path dataDir, Clock clock) {
        return withKeyFile(dataDir, SealedFileStorage.DEFAULT_FILE_NAME, clock);
    }

    /**
     * The journal that replaces the single-file keystore {@code <dataDir>/<legacyFileName>} (one per simulated
     * Region: {@code keystore-eu-west-1.json} becomes {@code keystore-eu-west-1.journal}), sealed under
     * {@code <dataDir>/master.key}.
     */
    public static JournalFileStorage withKeyFile(Path dataDir, String legacyFileName, Clock clock) {
        return new JournalFileStorage(dataDir.resolve(journalFileName(legacyFileName)),
                dataDir.resolve(legacyFileName), new FileMasterKey(dataDir.resolve(FileMasterKey.DEFAULT_FILE_NAME)),
                clock);
    }

    /** {@code <dataDir>/keystore.journal} sealed under a passphrase (see {@link PassphraseMasterKey}). */
    public static JournalFileStorage withPassphrase(Path dataDir, char[] passphrase, Argon2Parameters cost,
                                                    Clock clock) {
        return new JournalFileStorage(dataDir.resolve(DEFAULT_FILE_NAME),
                dataDir.resolve(SealedFileStorage.DEFAULT_FILE_NAME), new PassphraseMasterKey(passphrase, cost),
                clock);
    }

    /** {@code keystore.json} → {@code keystore.journal}. */
    public static String journalFileName(String legacyFileName) {
        String base = legacyFileName.endsWith(".json")
                ? legacyFileName.substring(0, legacyFileName.length() - ".json".length()) : legacyFileName;
        return base + ".journal";
    }

    public Path file() {
        return file;
    }

    /** What the last {@link #load()} did that the user should hear about (a migration, a cut-off record). */
    public synchronized List<String> notices() {
        return List.copyOf(notices);
    }

    @Override
    public synchronized Optional<byte[]> load() throws IOException, KeystoreCorruptException {
        requireOpen();
        notices.clear();
        closeChannel();
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            raw = null;
        }
        Optional<byte[]> document;
        if (raw != null) {
            document = Optional.of(openJournal(raw));
            if (legacyFile != null && Files.exists(legacyFile)) {
                Path kept = keepAside(legacyFile);
                notices.add("An old-format keystore " + legacyFile.getFileName() + " was found beside "
                        + file.getFileName() + ", which is in use; it was kept as " + kept.getFileName() + ".");
            }
        } else if (legacyFile != null && Files.exists(legacyFile)) {
            document = migrate();
        } else {
            document = Optional.empty();
        }
        loaded = true;
        return document;
    }

    @Override
    public synchronized void save(byte[] document) throws IOException {
        requireWritable();
        List<StateEntities.Change> all = new ArrayList<>();
        StateEntities.split(document).forEach((name, value) -> all.add(new StateEntities.Change(name, value)));
        if (header == null) {
            create(all);
        } else {
            writeSnapshot(header.kdf(), keys, all);
        }
    }

    @Override
    public synchronized void saveChange(EngineState before, EngineState next) throws IOException {
        requireWritable();
        if (header == null) {
            create(StateEntities.all(next));
            return;
        }
        List<StateEntities.Change> changes = StateEntities.changes(before, next);
        if (changes.isEmpty()) {
            return;
        }
        if (size - snapshotBytes >= Math.max(compactionFloor, snapshotBytes)) {
            writeSnapshot(header.kdf(), keys, StateEntities.all(next));
        } else {
            append(changes);
        }
    }

    /** Closes the file, releases the lock, zeroes the derived keys and closes the key source. */
    @Override
    public synchronized void close() {
        closeChannel();
        releaseLock();
        if (keys != null) {
            keys.close();
        }
        keys = null;
        header = null;
        keySource.close();
        closed = true;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("The keystore storage for " + file + " has been closed");
        }
    }

    private void requireWritable() throws IOException {
        requireOpen();
        if (broken) {
            throw new IOException("The keystore journal " + file + " could not be restored after a failed write; "
                    + "restart to reopen it");
        }
        // Never write over a keystore we did not read: it may hold keys under another master key.
        if (!loaded && (Files.exists(file) || legacyFile != null && Files.exists(legacyFile))) {
            throw new IllegalStateException("The keystore " + file + " exists but was not loaded; load() it "
                    + "successfully before saving over it");
        }
        acquireLock();
    }

    /** Records in the journal now: 1 right after a snapshot was written (tests watch compaction with it). */
    synchronized long records() {
        return nextRecord;
    }

    // ---- reading ----

    private byte[] openJournal(byte[] raw) throws IOException, KeystoreCorruptException {
        JournalFormat.Header parsed;
        try {
            parsed = JournalFormat.Header.parse(raw);
        } catch (JournalFormat.Damage e) {
            throw corrupt(e.getMessage());
        }
        SealingKeys derived = SealingKeys.deriveForJournal(keySource.masterKey(parsed.kdf(), file, false));
        if (!derived.matches(parsed.keyCheck())) {
            derived.close();
            throw wrongKey(parsed.kdf());
        }
        Map<String, byte[]> entities = new LinkedHashMap<>();
        List<byte[]> tags = new ArrayList<>();
        int position = parsed.length();
        int tornAt = -1;
        int snapshotEnd = 0;
        byte[] document;
        try {
            while (position < raw.length) {
                long number = tags.size();
                String where = "record " + number + " (byte offset " + position + ")";
                if (raw.length - position < JournalFormat.FRAME_BYTES) {
                    tornAt = position;
                    break;
                }
                ByteBuffer frame = ByteBuffer.wrap(raw, position, JournalFormat.FRAME_BYTES);
                int length = frame.getInt();
                if (frame.getInt() != JournalFormat.crc(raw, position, 4)) {
                    throw new JournalFormat.Damage(where + " has a damaged length field");
                }
                if (length < JournalFormat.MIN_BODY || length > JournalFormat.MAX_BODY) {
                    throw new JournalFormat.Damage(where + " declares an impossible length of " + length + " bytes");
                }
                int body = position + JournalFormat.FRAME_BYTES;
                if ((long) body + length > raw.length) {
                    tornAt = position;
                    break;
                }
                byte[] previous = tags.isEmpty() ? NO_TAG : tags.get(tags.size() - 1);
                byte[] plain = JournalFormat.open(derived.encryptionKey(), raw, body, length,
                        JournalFormat.aad(parsed, number, previous));
                if (plain == null) {
                    throw new JournalFormat.Damage(authenticationFailure(derived, parsed, raw, body, length, tags,
                            where));
                }
                for (StateEntities.Change change : JournalFormat.entries(plain,
                        number == 0 ? JournalFormat.SNAPSHOT : JournalFormat.CHANGE, where)) {
                    StateEntities.apply(entities, change);
                }
                Arrays.fill(plain, (byte) 0);
                tags.add(Arrays.copyOfRange(raw, body + length - JournalFormat.TAG_BYTES, body + length));
                position = body + length;
                if (number == 0) {
                    snapshotEnd = position;
                }
            }
            if (tags.isEmpty()) {
                throw new JournalFormat.Damage("it holds no snapshot record (byte offset " + parsed.length() + ")");
            }
            document = StateEntities.document(entities);
        } catch (JournalFormat.Damage e) {
            derived.close();
            throw corrupt(e.getMessage());
        } catch (IOException e) {
            derived.close();
            throw corrupt("its records do not form a keystore (" + e.getMessage() + ")");
        }
        adopt(parsed, derived);
        size = tornAt >= 0 ? tornAt : raw.length;
        snapshotBytes = snapshotEnd;
        nextRecord = tags.size();
        lastTag = tags.get(tags.size() - 1);
        if (tornAt >= 0) {
            dropTornTail(raw, tornAt, tags.size());
        }
        return document;
    }

    /** Says why a record failed: a copy of an earlier record (replayed), or anything else in the chain. */
    private static String authenticationFailure(SealingKeys keys, JournalFormat.Header header, byte[] raw, int body,
                                                int length, List<byte[]> tags, String where) {
        for (int earlier = 0; earlier < tags.size(); earlier++) {
            byte[] previous = earlier == 0 ? NO_TAG : tags.get(earlier - 1);
            byte[] plain = JournalFormat.open(keys.encryptionKey(), raw, body, length,
                    JournalFormat.aad(header, earlier, previous));
            if (plain != null) {
                Arrays.fill(plain, (byte) 0);
                return where + " is a replayed copy of record " + earlier;
            }
        }
        return where + " failed authentication: a record before it was dropped or reordered, or this record's bytes "
                + "were changed";
    }

    /** A crash cut off the last record before it was acknowledged: keep its bytes aside, then shorten the journal. */
    private void dropTornTail(byte[] raw, int tornAt, long number) throws IOException {
        Path aside = AtomicFile.unusedSibling(file, file.getFileName() + ".torn-" + STAMP.format(clock.instant()), "");
        AtomicFile.write(aside, Arrays.copyOfRange(raw, tornAt, raw.length));
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE)) {
            out.truncate(tornAt);
            out.force(true);
        }
        notices.add("The keystore journal " + file.getFileName() + " ended in record " + number + " cut off by a "
                + "crash before it was saved (" + (raw.length - tornAt) + " bytes at byte offset " + tornAt
                + "); those bytes were kept as " + aside.getFileName() + " and the keystore continues from the last "
                + "complete change.");
    }

    private Optional<byte[]> migrate() throws IOException, KeystoreCorruptException {
        SealedFileStorage legacy = new SealedFileStorage(legacyFile, keySource, clock);
        try {
            Optional<byte[]> document = legacy.load();
            if (document.isEmpty()) {
                return document;
            }
            Map<String, byte[]> entities;
            try {
                entities = StateEntities.split(document.get());
            } catch (IOException e) {
                // Authenticated but unparseable: leave both files alone and let the engine report it.
                return document;
            }
            List<StateEntities.Change> all = new ArrayList<>();
            entities.forEach((name, value) -> all.add(new StateEntities.Change(name, value)));
            KdfHeader kdf = legacy.header();
            writeSnapshot(kdf, SealingKeys.deriveForJournal(keySource.masterKey(kdf, file, false)), all);
            Path kept = keepAside(legacyFile);
            notices.add("The keystore " + legacyFile.getFileName() + " was converted to the journal format ("
                    + file.getFileName() + "); the old file is kept as " + kept.getFileName() + ".");
            return document;
        } finally {
            legacy.closeKeepingKeySource();
        }
    }

    // ---- writing ----

    private void create(List<StateEntities.Change> all) throws IOException {
        KdfHeader kdf = keySource.newHeader(random);
        writeSnapshot(kdf, SealingKeys.deriveForJournal(keySource.masterKey(kdf, file, true)), all);
    }

    /** Writes a new journal holding only a snapshot of {@code all}, atomically, and continues appending to it. */
    private void writeSnapshot(KdfHeader kdf, SealingKeys sealing, List<StateEntities.Change> all)
            throws IOException {
        byte[] journalId = new byte[JournalFormat.JOURNAL_ID_BYTES];
        random.nextBytes(journalId);
        JournalFormat.Header next = JournalFormat.Header.create(kdf, sealing.checkValue(), journalId);
        byte[] plain = JournalFormat.plaintext(JournalFormat.SNAPSHOT, all);
        byte[] record = JournalFormat.seal(sealing.encryptionKey(), nonce(), JournalFormat.aad(next, 0, NO_TAG),
                plain);
        Arrays.fill(plain, (byte) 0);
        byte[] bytes = new byte[next.length() + record.length];
        System.arraycopy(next.bytes(), 0, bytes, 0, next.length());
        System.arraycopy(record, 0, bytes, next.length(), record.length);
        try {
            AtomicFile.write(file, bytes);
        } catch (IOException | RuntimeException e) {
            if (sealing != keys) {
                sealing.close();
            }
            throw e;
        }
        closeChannel();
        adopt(next, sealing);
        size = bytes.length;
        snapshotBytes = bytes.length;
        nextRecord = 1;
        lastTag = Arrays.copyOfRange(record, record.length - JournalFormat.TAG_BYTES, record.length);
    }

    private void append(List<StateEntities.Change> changes) throws IOException {
        byte[] plain = JournalFormat.plaintext(JournalFormat.CHANGE, changes);
        byte[] record = JournalFormat.seal(keys.encryptionKey(), nonce(),
                JournalFormat.aad(header, nextRecord, lastTag), plain);
        Arrays.fill(plain, (byte) 0);
        FileChannel out = channel();
        try {
            ByteBuffer buffer = ByteBuffer.wrap(record);
            long at = size;
            while (buffer.hasRemaining()) {
                at += out.write(buffer, at);
            }
            out.force(false);
        } catch (IOException | RuntimeException e) {
            // Take back what may have reached the file, so a change reported as failed never reappears on reopen.
            try {
                out.truncate(size);
                out.force(false);
            } catch (IOException | RuntimeException again) {
                broken = true;
                e.addSuppressed(again);
            }
            throw e;
        }
        size += record.length;
        nextRecord++;
        lastTag = Arrays.copyOfRange(record, record.length - JournalFormat.TAG_BYTES, record.length);
    }

    private FileChannel channel() throws IOException {
        if (channel == null) {
            channel = FileChannel.open(file, StandardOpenOption.WRITE);
        }
        return channel;
    }

    private byte[] nonce() {
        byte[] nonce = new byte[JournalFormat.NONCE_BYTES];
        random.nextBytes(nonce);
        return nonce;
    }

    private void adopt(JournalFormat.Header nextHeader, SealingKeys nextKeys) {
        if (keys != null && keys != nextKeys) {
            keys.close();
        }
        header = nextHeader;
        keys = nextKeys;
    }

    private void closeChannel() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Every write was forced already; nothing is lost by a failed close.
            }
            channel = null;
        }
    }

    private void acquireLock() throws IOException {
        if (lock != null) {
            return;
        }
        Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
        Files.createDirectories(file.getParent());
        // Owner-only like every file of the data folder (the lock holds nothing, but a looser file is flagged).
        dev.kmslab.io.OwnerOnlyFiles.createOrTighten(lockFile);
        FileChannel opened = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock taken;
        try {
            taken = opened.tryLock();
        } catch (OverlappingFileLockException e) {
            taken = null;
        }
        if (taken == null) {
            opened.close();
            throw new KeystoreLockedException(KeystoreLockedException.Reason.IN_USE, file, "The keystore " + file
                    + " is being written by another KMS Lab process (or another window); close it and try again");
        }
        lockChannel = opened;
        lock = taken;
        if (header != null && !unchangedSinceLoad()) {
            releaseLock();
            throw new KeystoreLockedException(KeystoreLockedException.Reason.IN_USE, file, "The keystore " + file
                    + " was changed by another KMS Lab process after it was loaded here; restart to load the changes");
        }
    }

    /** Whether the file still ends where this storage last wrote or read it, with the same last record. */
    private boolean unchangedSinceLoad() throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            if (in.size() != size) {
                return false;
            }
            ByteBuffer tail = ByteBuffer.allocate(JournalFormat.TAG_BYTES);
            long at = size - tail.capacity();
            while (tail.hasRemaining() && in.read(tail, at + tail.position()) > 0) {
                // read until full
            }
            return Arrays.equals(tail.array(), lastTag);
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    private void releaseLock() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException ignored) {
            // Closing the channel releases the lock; the process exiting does too.
        }
        lock = null;
        lockChannel = null;
    }

    // ---- damage ----

    private Path keepAside(Path legacy) throws IOException {
        Path kept = AtomicFile.unusedSibling(file, legacy.getFileName() + ".v1", ".bak");
        Files.move(legacy, kept);
        return kept;
    }

    private KeystoreCorruptException corrupt(String reason) {
        return StoreDamage.corrupt("keystore journal", file, reason, null, clock);
    }

    private KeystoreLockedException wrongKey(KdfHeader kdf) {
        return StoreDamage.wrongKey(file, kdf);
    }

    @Override
    public String toString() {
        return "JournalFileStorage[" + file + ", " + keySource + "]";
    }
}
