package dev.kmslab.engine.store;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * Supplies the local master key that seals the keystore file. The raw key is handed out only to be fed into HKDF and
 * is zeroed by the caller right after; it never encrypts anything directly.
 */
public interface MasterKeySource extends AutoCloseable {

    int KEY_BYTES = 32;

    /** The KDF header to write into a keystore sealed for the first time (a passphrase gets a fresh salt). */
    KdfHeader newHeader(SecureRandom random);

    /**
     * The 32-byte master key for a keystore whose header says {@code header}. The caller owns and zeroes the array.
     *
     * @param keystore the keystore file, named in errors
     * @param create   whether a missing key may be created (only when no keystore exists yet)
     * @throws KeystoreLockedException if this source cannot open a keystore with that header
     */
    byte[] masterKey(KdfHeader header, Path keystore, boolean create) throws IOException;

    /** Forgets any secret the source holds (a passphrase); the source cannot be used afterwards. */
    @Override
    default void close() {
    }
}
