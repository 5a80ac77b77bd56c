package dev.kmslab.flow;

import dev.kmslab.engine.EngineConfig;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.SimulatedClock;
import dev.kmslab.engine.cks.FakeHsm;
import dev.kmslab.engine.error.KmsException;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.DescribeKeyRequest;
import dev.kmslab.engine.store.KeystoreCorruptException;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Records catalogue flows by making real engine calls. Given a key id, a flow runs against the learner's engine and
 * key; without one, or for flows that change their key (rotation, deletion, another principal), it runs on a fresh
 * key in a private in-memory engine whose clock can be moved forward. Slow enough to keep off the UI thread.
 */
public final class FlowRecorder {

    /** Where scratch engines start their simulated clock, so recordings read the same every time. */
    static final Instant SANDBOX_START = Instant.parse("2026-01-05T09:00:00Z");

    private final Supplier<KmsEngine> learnerEngine;
    private final Supplier<KmsEngine> sandboxes;
    private final SecureRandom random;

    public FlowRecorder(KmsEngine learnerEngine, Supplier<KmsEngine> sandboxes, SecureRandom random) {
        this(() -> learnerEngine, sandboxes, random);
    }

    private FlowRecorder(Supplier<KmsEngine> learnerEngine, Supplier<KmsEngine> sandboxes, SecureRandom random) {
        this.learnerEngine = Objects.requireNonNull(learnerEngine, "learnerEngine");
        this.sandboxes = Objects.requireNonNull(sandboxes, "sandboxes");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * A recorder whose learner engine is looked up at each recording: the Key Lab opens its engine in the background,
     * so it may not exist yet when the recorder is built. While the supplier gives null, keys are ignored and every
     * flow runs on a scratch key.
     */
    public static FlowRecorder withLearnerEngine(Supplier<KmsEngine> learnerEngine, SecureRandom random) {
        return new FlowRecorder(learnerEngine, FlowRecorder::sandboxEngine, random);
    }

    /** A recorder with no learner engine: every flow runs on a scratch key. */
    public static FlowRecorder standalone(SecureRandom random) {
        return new FlowRecorder((KmsEngine) null, FlowRecorder::sandboxEngine, random);
    }

    /** A scratch engine; its custom key stores run on simulated tokens, since a flow cannot set up a real one. */
    public static KmsEngine sandboxEngine() {
        try {
            return KmsEngine.open(EngineConfig.defaults().withClock(new SimulatedClock(SANDBOX_START)),
                    new FakeHsm(FakeHsm.DEMO_PIN));
        } catch (IOException | KeystoreCorruptException e) {
            throw new IllegalStateException("an empty in-memory keystore cannot fail to load", e);
        }
    }

    /**
     * Records the flow with this id.
     *
     * @throws IllegalArgumentException if there is no such flow
     * @throws KmsException if the learner's key cannot be used (for example it does not exist)
     */
    public Flow record(String flowId, Optional<String> keyId) {
        FlowDefinition def = FlowCatalogue.find(flowId)
                .orElseThrow(() -> new IllegalArgumentException("no flow with id " + flowId));
        KmsEngine engine;
        String keyArn;
        KmsEngine learner = learnerEngine.get();
        if (keyId.isPresent() && learner != null && !def.ownKey()) {
            engine = learner;
            keyArn = engine.describeKey(dev.kmslab.engine.CallerContext.root(engine.account()),
                    new DescribeKeyRequest(keyId.get())).keyMetadata().arn();
        } else {
            engine = sandboxes.get();
            keyArn = engine.createKey(dev.kmslab.engine.CallerContext.root(engine.account()),
                    CreateKeyRequest.withDescription("KMS Lab flow: " + def.title())).keyMetadata().arn();
        }
        FlowSession session = new FlowSession(engine, keyArn, new LocalCrypto(random));
        def.script().run(session);
        return session.finish(def.id(), def.title(), def.summary());
    }
}
