package dev.kmslab.engine.store;

import dev.kmslab.io.AtomicFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Keeps the engine's keystore document in one file, encrypted and authenticated as a whole with AES-256-GCM (JDK
 * SunJCE) under a key derived from a local master key, and replaced atomically on every save.
 *
 * <h2>On-disk format (version 1)</h2>
 * A UTF-8 JSON object, fields in this order and no others, laid out exactly as shown (two-space indent, {@code " : "}
 * separators, LF line endings, a final LF; any other layout is rejected as edited):
 * <pre>
 * {
 *   "format": "kmslab-keystore",
 *   "version": 1,
 *   "kdf": { "type": "key-file" }                          // master key = 32 bytes of master.key
 *       or { "type": "argon2id", "memoryKiB": 65536,      // master key = Argon2id v1.3 (passphrase, salt)
 *            "iterations": 3, "parallelism": 1, "salt": base64(16 bytes) },
 *   "keyCheck": base64(32 bytes),   // HMAC-SHA256(checkKey, "kmslab keystore v1 key check")
 *   "nonce": base64(12 bytes),      // fresh random GCM nonce on every save
 *   "ciphertext": base64(AES-256-GCM(encKey, nonce, aad, document) || 16-byte tag),
 *   "checksum": base64(SHA-256 of aad, keyCheck, nonce, ciphertext, each with a 4-byte length prefix)
 * }
 * </pre>
 * {@code encKey} and {@code checkKey} are HKDF-SHA256 (no salt) of the master key with the info strings
 * {@code "kmslab keystore v1 encryption key"} and {@code "kmslab keystore v1 key check key"}; the master key itself
 * encrypts nothing. {@code aad} is the header bound into the GCM tag: the format name, the version and every KDF field,
 * each length-prefixed (strings as 4-byte length + UTF-8, integers as 4 big-endian bytes, the salt as length + bytes).
 *
 * <h2>Wrong key versus damaged file</h2>
 * <ul>
 *   <li>Unparseable JSON, unknown or missing fields, bad or non-canonical base64, wrong lengths, an unknown version or
 *       a checksum mismatch: the file is <b>corrupt</b>.</li>
 *   <li>The checksum matches but neither the key check value nor the GCM tag verifies under our key: the file is
 *       intact and the key is <b>wrong</b> ({@link KeystoreLockedException}); the file stays where it is.</li>
 *   <li>Exactly one of the two verifies: someone changed the file with care (recomputing the checksum):
 *       <b>corrupt</b>.</li>
 * </ul>
 * A corrupt file is moved aside with {@link AtomicFile#moveAside} and reported with {@link KeystoreCorruptException};
 * it is never overwritten. The checksum is not a security control: someone who edits a passphrase-protected file's
 * salt and recomputes the checksum is told "wrong passphrase", which is safe because nothing is decrypted or removed.
 *
 * <h2>Key lifetime</h2>
 * The raw master key is zeroed right after HKDF. The two derived keys are kept for the life of this object (so a
 * passphrase is stretched once, not on every save) and zeroed, with any passphrase, by {@link #close()}.
 */
public final class SealedFileStorage implements KeystoreStorage, AutoCloseable {

    public static final String DEFAULT_FILE_NAME = "keystore.json";

    /** Where the bytes go; {@link AtomicFile#write} in production, a failing writer in tests. */
    @FunctionalInterface
    interface FileWriter {
        void write(Path target, byte[] bytes) throws IOException;
    }

    private final Path file;
    private final MasterKeySource keySource;
    private final Clock clock;
    private final SecureRandom random;
    private final FileWriter writer;
    private KdfHeader sessionHeader;
    private SealingKeys sessionKeys;
    private boolean closed;

    SealedFileStorage(Path file, MasterKeySource keySource, Clock clock, SecureRandom random, FileWriter writer) {
        this.file = file.toAbsolutePath();
        this.keySource = keySource;
        this.clock = clock;
        this.random = random;
        this.writer = writer;
    }

    public SealedFileStorage(Path file, MasterKeySource keySource, Clock clock) {
        this(file, keySource, clock, new SecureRandom(), AtomicFile::write);
    }

    /** {@code <dataDir>/keystore.json} sealed under {@code <dataDir>/master.key}, created on first save. */
    public static SealedFileStorage withKeyFile(Path dataDir, Clock clock) {
        return withKeyFile(dataDir, DEFAULT_FILE_NAME, clock);
    }

    /** {@code <dataDir>/<fileName>} sealed under {@code <dataDir>/master.key}: one keystore per simulated Region. */
    public static SealedFileStorage withKeyFile(Path dataDir, String fileName, Clock clock) {
        return new SealedFileStorage(dataDir.resolve(fileName),
                new FileMasterKey(dataDir.resolve(FileMasterKey.DEFAULT_FILE_NAME)), clock);
    }

    /**
     * {@code <dataDir>/keystore.json} sealed under a key derived from {@code passphrase} with the given Argon2id cost
     * for new files. The passphrase is copied (the caller may zero its array) and zeroed by {@link #close()}.
     */
    public static SealedFileStorage withPassphrase(Path dataDir, char[] passphrase, Argon2Parameters cost,
            Clock clock) {
        return new SealedFileStorage(dataDir.resolve(DEFAULT_FILE_NAME), new PassphraseMasterKey(passphrase, cost),
                clock);
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized Optional<byte[]> load() throws IOException, KeystoreCorruptException {
        requireOpen();
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        SealedKeystoreFile sealed;
        try {
            sealed = SealedKeystoreFile.parse(raw);
        } catch (SealedKeystoreFile.FormatException e) {
            throw corrupt(e.getMessage(), e);
        }
        SealingKeys keys = sealed.kdf().equals(sessionHeader)
                ? sessionKeys
                : SealingKeys.derive(keySource.masterKey(sealed.kdf(), file, false));
        boolean checkMatches = keys.matches(sealed.keyCheck());
        byte[] document = open(keys, sealed);
        if (checkMatches && document != null) {
            adopt(sealed.kdf(), keys);
            return Optional.of(document);
        }
        if (keys != sessionKeys) {
            keys.close();
        }
        if (document != null) {
            Arrays.fill(document, (byte) 0);
            throw corrupt("its key check value was altered although the contents authenticate", null);
        }
        if (checkMatches) {
            throw corrupt("its contents failed authentication (the ciphertext or header was modified)", null);
        }
        throw wrongKey(sealed.kdf());
    }

    @Override
    public synchronized void save(byte[] document) throws IOException {
        requireOpen();
        KdfHeader header = sessionHeader;
        SealingKeys keys = sessionKeys;
        if (keys == null) {
            // Never seal over a keystore we could not open: it may hold keys under another master key.
            if (Files.exists(file)) {
                throw new IllegalStateException("The keystore " + file + " exists but was not loaded; load() it "
                        + "successfully before saving over it");
            }
            header = keySource.newHeader(random);
            keys = SealingKeys.derive(keySource.masterKey(header, file, true));
        }
        byte[] nonce = new byte[SealedKeystoreFile.NONCE_BYTES];
        random.nextBytes(nonce);
        SealedKeystoreFile sealed = new SealedKeystoreFile(header, keys.checkValue(), nonce,
                seal(keys, SealedKeystoreFile.aad(header), nonce, document));
        try {
            writer.write(file, sealed.toJson());
        } catch (IOException | RuntimeException e) {
            if (keys != sessionKeys) {
                keys.close();
            }
            throw e;
        }
        adopt(header, keys);
    }

    /** The KDF header of the keystore last loaded or saved, or null before either. */
    synchronized KdfHeader header() {
        return sessionHeader;
    }

    /**
     * Zeroes the derived keys but leaves the key source open, for a caller that goes on using it (migration to the
     * journal format); the storage is unusable after.
     */
    synchronized void closeKeepingKeySource() {
        if (sessionKeys != null) {
            sessionKeys.close();
        }
        sessionKeys = null;
        sessionHeader = null;
        closed = true;
    }

    /** Zeroes the derived keys and closes the key source (zeroing a passphrase); the storage is unusable after. */
    @Override
    public synchronized void close() {
        closeKeepingKeySource();
        keySource.close();
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("The keystore storage for " + file + " has been closed");
        }
    }

    private void adopt(KdfHeader header, SealingKeys keys) {
        if (sessionKeys != null && sessionKeys != keys) {
            sessionKeys.close();
        }
        sessionHeader = header;
        sessionKeys = keys;
    }

    private static byte[] seal(SealingKeys keys, byte[] aad, byte[] nonce, byte[] document) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.encryptionKey(),
                    new GCMParameterSpec(SealedKeystoreFile.TAG_BYTES * 8, nonce));
            cipher.updateAAD(aad);
            return cipher.doFinal(document);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /** The plaintext document, or null if the tag does not verify under these keys. */
    private static byte[] open(SealingKeys keys, SealedKeystoreFile sealed) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, keys.encryptionKey(),
                    new GCMParameterSpec(SealedKeystoreFile.TAG_BYTES * 8, sealed.nonce()));
            cipher.updateAAD(sealed.aad());
            return cipher.doFinal(sealed.ciphertext());
        } catch (AEADBadTagException e) {
            return null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    private KeystoreCorruptException corrupt(String reason, Throwable cause) {
        // Still corrupt if it cannot be moved; save() refuses to overwrite it because nothing was loaded.
        return StoreDamage.corrupt("keystore", file, reason, cause, clock);
    }

    private KeystoreLockedException wrongKey(KdfHeader kdf) {
        return StoreDamage.wrongKey(file, kdf);
    }

    @Override
    public String toString() {
        return "SealedFileStorage[" + file + ", " + keySource + "]";
    }
}
