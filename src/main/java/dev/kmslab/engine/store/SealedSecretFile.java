package dev.kmslab.engine.store;

import dev.kmslab.io.AtomicFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * A small document of lab secrets beside the keystore (the endpoint's STS sessions), sealed under the same master key
 * ({@code master.key}) as the keystore: AES-256-GCM under a key derived with HKDF-SHA256 from the master key and the
 * file's purpose, so no key is shared with the keystore and a file made for one purpose does not open as another.
 * Written whole and atomically (temporary file, fsync, rename, directory fsync), owner-only where the file system has
 * modes. The secrets inside are never on disk in the clear.
 *
 * <p>Layout: {@code "KMSLABSF"} (8 bytes), version {@code 1} (1 byte), a 12-byte random nonce, then the ciphertext
 * and its 16-byte tag; the AAD is the first 9 bytes followed by the purpose in UTF-8.
 */
public final class SealedSecretFile {

    private static final byte[] MAGIC = "KMSLABSF".getBytes(StandardCharsets.US_ASCII);
    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Path file;
    private final MasterKeySource keySource;
    private final String purpose;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param purpose what the file holds (for example {@code "sts sessions"}); bound into the key and the AAD
     */
    public SealedSecretFile(Path file, MasterKeySource keySource, String purpose) {
        this.file = file.toAbsolutePath();
        this.keySource = keySource;
        this.purpose = purpose;
    }

    /** {@code <dataDir>/<fileName>} sealed under {@code <dataDir>/master.key} (created if the lab has none yet). */
    public static SealedSecretFile withKeyFile(Path dataDir, String fileName, String purpose) {
        return new SealedSecretFile(dataDir.resolve(fileName),
                new FileMasterKey(dataDir.resolve(FileMasterKey.DEFAULT_FILE_NAME)), purpose);
    }

    public Path file() {
        return file;
    }

    /**
     * The document, or empty when the file does not exist.
     *
     * @throws KeystoreCorruptException naming the file when it is not such a file or fails authentication (damaged,
     *                                  or sealed under another master key)
     * @throws KeystoreLockedException  when the master key file is missing or unreadable
     */
    public Optional<byte[]> read() throws IOException, KeystoreCorruptException {
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (raw.length < MAGIC.length + 1 + NONCE_BYTES + TAG_BITS / 8
                || !Arrays.equals(Arrays.copyOf(raw, MAGIC.length), MAGIC)) {
            throw new KeystoreCorruptException("The sealed file " + file + " is not a KMS Lab sealed file ("
                    + raw.length + " bytes, no KMSLABSF header).", file, null, null);
        }
        if (raw[MAGIC.length] != VERSION) {
            throw new KeystoreCorruptException("The sealed file " + file + " has version " + raw[MAGIC.length]
                    + "; this KMS Lab reads version " + VERSION + ".", file, null, null);
        }
        int offset = MAGIC.length + 1;
        byte[] nonce = Arrays.copyOfRange(raw, offset, offset + NONCE_BYTES);
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, nonce);
            return Optional.of(cipher.doFinal(raw, offset + NONCE_BYTES, raw.length - offset - NONCE_BYTES));
        } catch (AEADBadTagException e) {
            throw new KeystoreCorruptException("The sealed file " + file + " failed authentication: it was "
                    + "modified, damaged, or sealed under another master key.", file, null, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /** Seals {@code document} and replaces the file with it atomically. */
    public void write(byte[] document) throws IOException {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed;
        try {
            sealed = cipher(Cipher.ENCRYPT_MODE, nonce).doFinal(document);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
        ByteBuffer out = ByteBuffer.allocate(MAGIC.length + 1 + NONCE_BYTES + sealed.length);
        out.put(MAGIC).put(VERSION).put(nonce).put(sealed);
        AtomicFile.write(file, out.array());
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // No POSIX modes (Windows): the file inherits the per-user ACL of the data directory.
        }
    }

    private Cipher cipher(int mode, byte[] nonce) throws IOException, GeneralSecurityException {
        byte[] master = masterKey();
        byte[] key = new byte[MasterKeySource.KEY_BYTES];
        try {
            HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
            hkdf.init(new HKDFParameters(master, null, ("kmslab sealed file v1 " + purpose)
                    .getBytes(StandardCharsets.UTF_8)));
            hkdf.generateBytes(key, 0, key.length);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad());
            return cipher;
        } finally {
            Arrays.fill(master, (byte) 0);
            Arrays.fill(key, (byte) 0);
        }
    }

    private byte[] masterKey() throws IOException {
        try {
            return keySource.masterKey(new KdfHeader.KeyFile(), file, true);
        } catch (FileAlreadyExistsException e) {
            // Another opener created the key file at the same moment: use the one that won.
            return keySource.masterKey(new KdfHeader.KeyFile(), file, false);
        }
    }

    private byte[] aad() {
        return HeaderAad.of(MAGIC, VERSION, purpose);
    }

    @Override
    public String toString() {
        return "SealedSecretFile[" + file + "]";
    }
}
