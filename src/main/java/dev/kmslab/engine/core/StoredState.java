package dev.kmslab.engine.core;

import dev.kmslab.engine.EngineConfig;
import dev.kmslab.engine.state.EngineState;
import dev.kmslab.engine.store.EngineStateCodec;
import dev.kmslab.engine.store.KeystoreCorruptException;
import java.io.IOException;
import java.util.Optional;

/** Reads the keystore an engine starts from, and refuses one written for another account or Region. */
public final class StoredState {

    private StoredState() {
    }

    /** The stored keystore, or an empty one when the storage holds none yet. */
    public static EngineState load(EngineConfig config) throws IOException, KeystoreCorruptException {
        Optional<byte[]> document = config.storage().load();
        if (document.isEmpty()) {
            return EngineState.empty(config.account(), config.region());
        }
        EngineState stored;
        try {
            stored = EngineStateCodec.decode(document.get());
        } catch (IOException e) {
            throw new KeystoreCorruptException("The keystore could not be parsed: " + e.getMessage(), null, null, e);
        }
        if (!stored.account().equals(config.account()) || !stored.region().equals(config.region())) {
            throw new KeystoreCorruptException("The keystore belongs to account " + stored.account()
                    + " in " + stored.region() + ", not " + config.account() + " in " + config.region() + ".",
                    null, null, null);
        }
        return stored;
    }
}
