package dev.kmslab.ui.keylab;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.EngineConfig;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.SimulatedClock;
import dev.kmslab.engine.model.CreateAliasRequest;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.store.KeystoreCorruptException;
import dev.kmslab.ui.common.UiExecutor;
import dev.kmslab.ui.keylab.common.KeyLabSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/** An in-memory engine on a frozen simulated clock and a synchronous session over it, for view-model tests. */
public final class LabFixture {

    public static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    public final SimulatedClock clock = new SimulatedClock(START);
    public final KmsEngine engine;
    public final KeyLabSession session;
    public final CallerContext root;

    public LabFixture() {
        try {
            engine = KmsEngine.open(EngineConfig.defaults().withClock(clock));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (KeystoreCorruptException e) {
            throw new IllegalStateException(e);
        }
        session = KeyLabSession.of(engine, UiExecutor.synchronous());
        root = CallerContext.root(engine.account());
    }

    /** Creates a key (and an alias if given) directly in the engine, behind the view-models' backs. */
    public String key(String alias) {
        String id = engine.createKey(root, CreateKeyRequest.symmetric()).keyMetadata().keyId();
        if (alias != null) {
            engine.createAlias(root, new CreateAliasRequest(alias, id));
        }
        session.changed();
        return id;
    }
}
