package dev.kmslab.flow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Collects one step while a flow records it; {@link #add()} appends it to the session. */
public final class StepBuilder {

    private final FlowSession session;
    private final String from;
    private final String to;
    private final String action;
    private final boolean kmsCall;
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private final List<Payload> payloads = new ArrayList<>();
    private final List<String> stateChanges = new ArrayList<>();
    private String narration = "";
    private String examTip = "";
    private Failure failure;
    private final List<String> simulation = new ArrayList<>();
    private final Map<String, String> conditionContext = new LinkedHashMap<>();

    StepBuilder(FlowSession session, String from, String to, String action, boolean kmsCall) {
        this.session = session;
        this.from = from;
        this.to = to;
        this.action = action;
        this.kmsCall = kmsCall;
    }

    public StepBuilder param(String name, Object value) {
        if (value != null) {
            parameters.put(name, String.valueOf(value));
        }
        return this;
    }

    /**
     * A condition key KMS evaluates for this request although the caller does not send it, e.g.
     * {@code kms:ViaService} for a call an AWS service makes on the caller's behalf.
     */
    public StepBuilder conditionKey(String key, String value) {
        conditionContext.put(key, value);
        return this;
    }

    /** {@code kms:ViaService} for a call that {@code service} (its endpoint name) makes on the caller's behalf. */
    public StepBuilder viaService(String serviceEndpoint) {
        return conditionKey("kms:ViaService", serviceEndpoint);
    }

    public StepBuilder context(Map<String, String> context) {
        if (!context.isEmpty()) {
            parameters.put("EncryptionContext", FlowSession.contextText(context));
        }
        return this;
    }

    public StepBuilder payload(Payload payload) {
        payloads.add(payload);
        return this;
    }

    public StepBuilder secret(String name, PayloadKind kind, byte[] bytes) {
        return payload(Payload.secret(name, kind, bytes));
    }

    public StepBuilder open(String name, PayloadKind kind, byte[] bytes) {
        return payload(Payload.open(name, kind, bytes));
    }

    public StepBuilder narration(String text) {
        narration = text;
        return this;
    }

    public StepBuilder tip(String text) {
        examTip = text;
        return this;
    }

    public StepBuilder state(String change) {
        stateChanges.add(change);
        return this;
    }

    /**
     * Adds a statement that goes beyond AWS documentation (shown under the "KMS Lab simulation" badge); several
     * calls add paragraphs.
     */
    public StepBuilder simulation(String text) {
        if (text != null && !text.isBlank()) {
            simulation.add(text);
        }
        return this;
    }

    public StepBuilder failure(Failure f) {
        failure = f;
        return this;
    }

    public Step add() {
        Step step = new Step(from, to, action, kmsCall, parameters, payloads, narration, examTip, stateChanges,
                Optional.ofNullable(failure), String.join("\n\n", simulation),
                conditionContext);
        session.append(step);
        return step;
    }
}
