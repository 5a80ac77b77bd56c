package dev.kmslab.engine.store;

import dev.kmslab.engine.state.EngineState;
import java.io.IOException;

/**
 * A keystore storage that persists a change as the parts of the state it touched, so that a save costs the same with
 * ten keys or ten thousand. The engine calls {@link #saveChange} instead of {@link #save} when the storage offers it.
 */
public interface ChangeStorage extends KeystoreStorage {

    /**
     * Makes {@code next} durable, given that {@code before} is what was last loaded or saved. When this returns the
     * change survives a crash; when it throws, the stored state is still {@code before}.
     */
    void saveChange(EngineState before, EngineState next) throws IOException;
}
