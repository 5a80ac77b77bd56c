package dev.kmslab.engine.store;

import java.nio.file.Path;

/** A stored keystore failed its integrity check or could not be parsed; it has been moved aside, not overwritten. */
public class KeystoreCorruptException extends Exception {

    private final transient Path file;
    private final transient Path movedTo;

    public KeystoreCorruptException(String message, Path file, Path movedTo, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.movedTo = movedTo;
    }

    public Path file() {
        return file;
    }

    /** Where the damaged file was moved, or null if it could not be moved. */
    public Path movedTo() {
        return movedTo;
    }
}
