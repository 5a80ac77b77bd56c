package dev.kmslab.engine.store;

import java.util.Optional;

/** Keeps the keystore document in memory only: for tests, demos and a throwaway lab session. */
public final class InMemoryKeystoreStorage implements KeystoreStorage {

    private volatile byte[] document;

    @Override
    public Optional<byte[]> load() {
        byte[] current = document;
        return current == null ? Optional.empty() : Optional.of(current.clone());
    }

    @Override
    public void save(byte[] newDocument) {
        document = newDocument.clone();
    }

    @Override
    public String toString() {
        return "InMemoryKeystoreStorage[" + (document == null ? "empty" : document.length + " bytes") + "]";
    }
}
