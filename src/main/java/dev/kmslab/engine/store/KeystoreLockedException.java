package dev.kmslab.engine.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The keystore file is intact but cannot be opened with the master key at hand: a wrong passphrase, a replaced or
 * missing master key file, or a file sealed with the other kind of key. The file is left exactly where it is, so the
 * user can retry with the right key. It extends {@link IOException} so that code which only knows
 * {@link KeystoreStorage} still treats it as "could not read", while callers that care can catch it first.
 */
public class KeystoreLockedException extends IOException {

    /** Why the keystore stays locked. */
    public enum Reason {
        WRONG_PASSPHRASE,
        WRONG_MASTER_KEY,
        MASTER_KEY_MISSING,
        MASTER_KEY_UNREADABLE,
        PASSPHRASE_REQUIRED,
        KEY_FILE_REQUIRED,
        /** Another process (or another storage in this one) is writing the same keystore journal. */
        IN_USE
    }

    private final Reason reason;
    private final transient Path file;

    public KeystoreLockedException(Reason reason, Path file, String message) {
        super(message);
        this.reason = reason;
        this.file = file;
    }

    public Reason reason() {
        return reason;
    }

    /** The keystore (or master key) file concerned; never moved or modified. */
    public Path file() {
        return file;
    }
}
