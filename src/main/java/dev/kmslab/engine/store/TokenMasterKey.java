package dev.kmslab.engine.store;

import dev.kmslab.engine.crypto.pkcs11.HsmToken;
import dev.kmslab.engine.crypto.pkcs11.Pkcs11KeyLabel;
import dev.kmslab.engine.crypto.pkcs11.TokenException;
import dev.kmslab.engine.error.InvalidCiphertextException;
import dev.kmslab.io.AtomicFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * A master key protected by a PKCS#11 token. The token cannot hand out its own key bytes (they are sensitive and
 * never extractable), and the keystore needs 32 bytes for HKDF, so the master key is a random 32-byte value wrapped
 * by a token key: stolen together with the keystore, the wrapped file is useless without the token and its PIN.
 * The keystore header records a key kept outside the file ({@link KdfHeader.KeyFile}), as with {@link FileMasterKey}.
 *
 * <p>The wrapped key file, {@value #DEFAULT_FILE_NAME} beside the keystore:
 * <pre>
 * offset  size  field
 * 0       4     magic "KLTW"
 * 4       1     format version, 0x01
 * 5       12    IV (from the token's generator)
 * 17      48    AES-256-GCM in the token of the 32-byte master key, followed by the 16-byte tag
 * </pre>
 * The AAD is the first 5 bytes followed by the token key's label ({@value #LABEL}, UTF-8). Any other length, a
 * changed byte, or another token's key leaves the keystore locked.
 */
public final class TokenMasterKey implements MasterKeySource {

    public static final String DEFAULT_FILE_NAME = "master.key.p11";
    /** The token object that wraps the master key. */
    public static final String LABEL = "kmslab:keystore-master:1";
    private static final byte[] MAGIC = {'K', 'L', 'T', 'W'};
    private static final byte VERSION = 1;
    private static final int IV_BYTES = 12;
    private static final int FILE_BYTES = MAGIC.length + 1 + IV_BYTES + KEY_BYTES + 16;

    private final HsmToken token;
    private final Path wrappedKeyFile;

    /** @param token a token the caller has connected (and will disconnect) */
    public TokenMasterKey(HsmToken token, Path wrappedKeyFile) {
        this.token = token;
        this.wrappedKeyFile = wrappedKeyFile;
        // The label must stay a valid lab label so listings of lab objects include it.
        Pkcs11KeyLabel.parse(LABEL);
    }

    public Path wrappedKeyFile() {
        return wrappedKeyFile;
    }

    @Override
    public KdfHeader newHeader(SecureRandom unused) {
        return new KdfHeader.KeyFile();
    }

    @Override
    public byte[] masterKey(KdfHeader header, Path keystore, boolean create) throws IOException {
        StoreDamage.requireKeyFileHeader(header, keystore);
        try {
            if (create && !Files.exists(wrappedKeyFile)) {
                createWrapped();
            }
            return unwrap(keystore);
        } catch (TokenException e) {
            throw new KeystoreLockedException(KeystoreLockedException.Reason.MASTER_KEY_UNREADABLE, wrappedKeyFile,
                    "The token that protects the master key cannot be used: " + e.getMessage());
        }
    }

    private void createWrapped() throws IOException {
        if (!token.hasKey(LABEL)) {
            token.generateKey(LABEL);
        }
        byte[] masterKey = token.generateRandom(KEY_BYTES);
        try {
            byte[] iv = token.generateRandom(IV_BYTES);
            byte[] sealed = token.encrypt(LABEL, iv, masterKey, aad());
            byte[] file = new byte[FILE_BYTES];
            System.arraycopy(MAGIC, 0, file, 0, MAGIC.length);
            file[MAGIC.length] = VERSION;
            System.arraycopy(iv, 0, file, MAGIC.length + 1, IV_BYTES);
            System.arraycopy(sealed, 0, file, MAGIC.length + 1 + IV_BYTES, sealed.length);
            AtomicFile.write(wrappedKeyFile, file);
        } finally {
            Arrays.fill(masterKey, (byte) 0);
        }
    }

    private byte[] unwrap(Path keystore) throws IOException {
        byte[] file;
        try {
            file = Files.readAllBytes(wrappedKeyFile);
        } catch (NoSuchFileException e) {
            throw new KeystoreLockedException(KeystoreLockedException.Reason.MASTER_KEY_MISSING, wrappedKeyFile,
                    "The wrapped master key " + wrappedKeyFile + " is missing, so the keystore " + keystore
                            + " cannot be opened; restore it from a backup");
        }
        if (file.length != FILE_BYTES || !Arrays.equals(Arrays.copyOf(file, MAGIC.length), MAGIC)
                || file[MAGIC.length] != VERSION) {
            throw new KeystoreLockedException(KeystoreLockedException.Reason.MASTER_KEY_UNREADABLE, wrappedKeyFile,
                    "The wrapped master key " + wrappedKeyFile + " is not a version 1 KMS Lab token-wrapped key");
        }
        byte[] iv = Arrays.copyOfRange(file, MAGIC.length + 1, MAGIC.length + 1 + IV_BYTES);
        byte[] sealed = Arrays.copyOfRange(file, MAGIC.length + 1 + IV_BYTES, FILE_BYTES);
        try {
            return token.decrypt(LABEL, iv, sealed, aad());
        } catch (InvalidCiphertextException | dev.kmslab.engine.crypto.pkcs11.TokenKeyNotFoundException e) {
            throw new KeystoreLockedException(KeystoreLockedException.Reason.WRONG_MASTER_KEY, wrappedKeyFile,
                    "The wrapped master key " + wrappedKeyFile + " does not open with the key in "
                            + token.describe() + "; it was changed or belongs to another token");
        }
    }

    private static byte[] aad() {
        return HeaderAad.of(MAGIC, VERSION, LABEL);
    }

    @Override
    public String toString() {
        return "TokenMasterKey[" + token.describe() + ", " + wrappedKeyFile + "]";
    }
}
