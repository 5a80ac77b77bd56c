package dev.kmslab.flow;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.error.KmsException;
import dev.kmslab.engine.model.SimulationRequest;
import dev.kmslab.engine.policy.Decision;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The recording of one flow in progress: the engine and key it runs against, the caller, the client's local
 * cryptography, and the steps and tips collected so far. Flow scripts make real engine calls through
 * {@link #attempt} so that a failing call becomes a failure step with its AWS error instead of an exception.
 */
public final class FlowSession {

    private final KmsEngine engine;
    private final String keyArn;
    private final LocalCrypto crypto;
    private final List<Actor> actors = new ArrayList<>();
    private final List<Step> steps = new ArrayList<>();
    private final List<String> tips = new ArrayList<>();

    FlowSession(KmsEngine engine, String keyArn, LocalCrypto crypto) {
        this.engine = engine;
        this.keyArn = keyArn;
        this.crypto = crypto;
    }

    public KmsEngine engine() {
        return engine;
    }

    public String keyArn() {
        return keyArn;
    }

    public LocalCrypto crypto() {
        return crypto;
    }

    public String account() {
        return engine.account();
    }

    public String region() {
        return engine.region();
    }

    /** The account's own application credentials (the account root, which the default key policy allows). */
    public CallerContext caller() {
        return CallerContext.root(engine.account());
    }

    /** The same principal calling through an AWS service, e.g. {@code s3.us-east-1.amazonaws.com}. */
    public CallerContext via(String service) {
        return new CallerContext(caller().principalArn(), Optional.of(service + "." + region() + ".amazonaws.com"),
                List.of());
    }

    public void actors(Actor... list) {
        actors.addAll(List.of(list));
    }

    public void tip(String tip) {
        tips.add(tip);
    }

    /** A KMS API call (a request arrow). */
    public StepBuilder call(String from, String operation) {
        return new StepBuilder(this, from, "kms", operation, true);
    }

    /** A KMS API call to another KMS lane, such as the same service in a second Region. */
    public StepBuilder call(String from, String kmsActor, String operation) {
        return new StepBuilder(this, from, kmsActor, operation, true);
    }

    /** Any other message or local operation. */
    public StepBuilder step(String from, String to, String action) {
        return new StepBuilder(this, from, to, action, false);
    }

    /** Runs a real engine call; a KMS error becomes {@code Optional.empty()} and is handed to {@code onError}. */
    public <T> Optional<T> attempt(Supplier<T> call, java.util.function.Consumer<Failure> onError) {
        try {
            return Optional.of(call.get());
        } catch (KmsException e) {
            onError.accept(new Failure(e.errorCode(), e.getMessage()));
            return Optional.empty();
        }
    }

    /**
     * A step showing the CloudTrail record the engine really wrote for the last call, with the fields a real
     * CloudTrail record has: event name, caller, key and encryption context, and for a failed call {@code errorCode}
     * and {@code errorMessage} exactly as KMS words them (the message names at most the kind of policy, never a
     * statement). Plaintext and keys are never in it. The engine's explanation of how the call was authorized is not
     * part of any AWS record, so it is shown apart, as the step's simulation note.
     */
    public void audit(String narration) {
        List<dev.kmslab.engine.audit.AuditEvent> events = engine.auditLog().all();
        if (events.isEmpty()) {
            return;
        }
        dev.kmslab.engine.audit.AuditEvent e = events.get(events.size() - 1);
        StepBuilder b = step("kms", "cloudtrail", e.eventName() + " event").param("eventName", e.eventName())
                .param("userIdentity", e.principalArn()).param("resources", e.keyArn());
        Object context = e.requestParameters().get("encryptionContext");
        if (context instanceof Map<?, ?> m && !m.isEmpty()) {
            b.param("encryptionContext", m.toString());
        }
        if (e.isError()) {
            b.param("errorCode", e.errorCode());
            b.param("errorMessage", e.errorMessage());
            if (e.authorizationExplanation() != null && !e.authorizationExplanation().isBlank()) {
                b.simulation(simulatorExplanation(e.authorizationExplanation()));
            }
        }
        b.narration(narration).state("The call is in the audit log: who, when, which key, which context").add();
    }

    /** An explanation from the lab's policy simulator, headed so that no one takes it for something AWS returns. */
    public static String simulatorExplanation(String explanation) {
        return Step.SIMULATOR_HEADING + "\n" + explanation;
    }

    /**
     * How the engine's policy evaluation decides this caller's request on the flow's key right now: the same
     * evaluation the failed or successful call went through, asked again of the simulator (which records nothing).
     */
    public Decision decision(CallerContext who, String action, Map<String, String> context) {
        return engine.simulate(new SimulationRequest(who.principalArn(), action, keyArn, context, who.viaService(),
                who.grantTokens(), Map.of()));
    }

    /** The payload name of the simulator's explanation: the chip says plainly whose explanation it is. */
    public static final String EVALUATION_PAYLOAD = "Simulated evaluation";

    /**
     * The decision's step-by-step explanation as a payload chip (policy text is not secret). AWS returns no such
     * trace; steps that carry it also carry a simulation note saying so.
     */
    public static Payload evaluationPayload(Decision decision) {
        return Payload.text(EVALUATION_PAYLOAD, PayloadKind.OTHER, decision.explain(), false);
    }

    void append(Step step) {
        steps.add(step);
    }

    Flow finish(String id, String title, String summary) {
        return new Flow(id, title, summary, actors, steps, tips);
    }

    static String contextText(Map<String, String> context) {
        return new TreeMap<>(context).entrySet().stream().map(e -> "\"" + e.getKey() + "\": \"" + e.getValue() + "\"")
                .collect(Collectors.joining(", ", "{", "}"));
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The context as the bytes a payload chip shows (its JSON-like text). */
    public static Payload contextPayload(Map<String, String> context) {
        return Payload.text("Encryption context", PayloadKind.CONTEXT, contextText(context), false);
    }
}
