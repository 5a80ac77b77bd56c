package dev.kmslab.engine.store;

import dev.kmslab.io.AtomicFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

/**
 * What both keystore formats (the single sealed file and the journal) do when a file cannot be opened: a damaged file
 * is moved aside ({@code .corrupt-<time>}) and never overwritten; a file sealed under another key or passphrase, or
 * under the other kind of key, is left exactly as it is.
 */
final class StoreDamage {

    private StoreDamage() {
    }

    /**
     * Moves the damaged {@code file} aside and says so; if it cannot be moved it stays in place (and is still not
     * overwritten: nothing was loaded from it, so the storage refuses to save over it).
     *
     * @param kind how the message names the file ("keystore", "keystore journal")
     */
    static KeystoreCorruptException corrupt(String kind, Path file, String reason, Throwable cause, Clock clock) {
        try {
            Path aside = AtomicFile.moveAside(file, clock);
            return new KeystoreCorruptException("The " + kind + " " + file + " is corrupt: " + reason
                    + ". It was moved aside to " + aside + " and has not been overwritten.", file, aside, cause);
        } catch (IOException e) {
            KeystoreCorruptException corrupt = new KeystoreCorruptException("The " + kind + " " + file
                    + " is corrupt: " + reason + ". It could not be moved aside (" + e + ") and has been left in "
                    + "place.", file, null, cause);
            corrupt.addSuppressed(e);
            return corrupt;
        }
    }

    /**
     * For the sources whose master key is kept in a file (the key file, the token-wrapped key): a keystore whose
     * header names a passphrase is locked to them, and is left unchanged.
     */
    static void requireKeyFileHeader(KdfHeader header, Path keystore) throws KeystoreLockedException {
        if (!(header instanceof KdfHeader.KeyFile)) {
            throw new KeystoreLockedException(KeystoreLockedException.Reason.PASSPHRASE_REQUIRED, keystore,
                    "The keystore " + keystore + " is protected by a passphrase; open it with the passphrase");
        }
    }

    /** The file was sealed with another master key or passphrase than the one given; it is left unchanged. */
    static KeystoreLockedException wrongKey(Path file, KdfHeader kdf) {
        if (kdf instanceof KdfHeader.Argon2id) {
            return new KeystoreLockedException(KeystoreLockedException.Reason.WRONG_PASSPHRASE, file,
                    "Wrong passphrase for the keystore " + file + "; the file was left unchanged");
        }
        return new KeystoreLockedException(KeystoreLockedException.Reason.WRONG_MASTER_KEY, file,
                "The keystore " + file + " was sealed with a different master key than the one in the key file; "
                        + "the file was left unchanged");
    }
}
