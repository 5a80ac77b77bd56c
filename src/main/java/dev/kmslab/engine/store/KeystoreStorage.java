package dev.kmslab.engine.store;

import java.io.IOException;
import java.util.Optional;

/**
 * Durable home of the engine's keystore document. The engine serialises its whole state (metadata and key material)
 * into one document; an implementation decides how it is protected at rest. A save either replaces the stored
 * document completely or leaves the previous one untouched.
 */
public interface KeystoreStorage {

    /** The last saved document, or empty if nothing was ever saved. */
    Optional<byte[]> load() throws IOException, KeystoreCorruptException;

    /** Replaces the stored document atomically; on failure the previous document stays as it was. */
    void save(byte[] document) throws IOException;
}
