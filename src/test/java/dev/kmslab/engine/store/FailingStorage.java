package dev.kmslab.engine.store;

import java.io.IOException;
import java.util.Optional;

/** Wraps a storage and fails every save while {@link #failing} is set. */
public final class FailingStorage implements KeystoreStorage {

    private final KeystoreStorage delegate;
    public volatile boolean failing;

    public FailingStorage(KeystoreStorage delegate) {
        this.delegate = delegate;
    }

    @Override
    public Optional<byte[]> load() throws IOException, KeystoreCorruptException {
        return delegate.load();
    }

    @Override
    public void save(byte[] document) throws IOException {
        if (failing) {
            throw new IOException("disk full (simulated)");
        }
        delegate.save(document);
    }
}
