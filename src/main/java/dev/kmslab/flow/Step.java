package dev.kmslab.flow;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One message of a flow: {@code from} sends {@code action} (an API call such as {@code GenerateDataKey}, or a local
 * operation such as {@code AES-GCM encrypt}) with its parameters to {@code to}, carrying payload snapshots. The
 * narration says what happens and why; the exam tip is the point to remember; state changes are what is different
 * afterwards ("plaintext data key erased from memory"). A failed call carries its AWS error.
 *
 * <p>Everything in the narration, tip and parameters is what AWS documents. What goes beyond the documentation (the
 * lab's policy simulator explaining a decision, an error AWS does not document, an assumption where AWS's example is
 * silent) is kept apart in {@code simulation}, which the player shows under a "KMS Lab simulation" badge, so a learner
 * never mistakes the lab's reasoning for something AWS shows.
 *
 * @param kmsCall true when this is a real KMS API call made on the engine (as opposed to local work)
 * @param simulation what this step shows beyond AWS documentation; empty when the step is all documented behaviour
 * @param conditionContext condition keys KMS evaluates for this request that the caller does not send, such as
 *                         {@code kms:ViaService} when a service calls on the caller's behalf; kept apart from the
 *                         request parameters so no one takes them for something to put in a request
 */
public record Step(String from, String to, String action, boolean kmsCall, Map<String, String> parameters,
                   List<Payload> payloads, String narration, String examTip, List<String> stateChanges,
                   Optional<Failure> failure, String simulation, Map<String, String> conditionContext) {

    /** The heading of every simulator explanation: AWS never returns one, so the learner must be told. */
    public static final String SIMULATOR_HEADING = "KMS Lab's simulator — AWS does not tell you this; here is how to "
            + "work it out.";

    public Step {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(action, "action");
        parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
        payloads = List.copyOf(payloads);
        narration = narration == null ? "" : narration;
        examTip = examTip == null ? "" : examTip;
        stateChanges = List.copyOf(stateChanges);
        failure = failure == null ? Optional.empty() : failure;
        simulation = simulation == null ? "" : simulation;
        conditionContext = conditionContext == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(conditionContext));
    }

    /** A step without condition context. */
    public Step(String from, String to, String action, boolean kmsCall, Map<String, String> parameters,
                List<Payload> payloads, String narration, String examTip, List<String> stateChanges,
                Optional<Failure> failure, String simulation) {
        this(from, to, action, kmsCall, parameters, payloads, narration, examTip, stateChanges, failure, simulation,
                Map.of());
    }

    /** A step that is all documented AWS behaviour. */
    public Step(String from, String to, String action, boolean kmsCall, Map<String, String> parameters,
                List<Payload> payloads, String narration, String examTip, List<String> stateChanges,
                Optional<Failure> failure) {
        this(from, to, action, kmsCall, parameters, payloads, narration, examTip, stateChanges, failure, "");
    }

    /** True when the step shows something beyond AWS documentation (rendered with a "KMS Lab simulation" badge). */
    public boolean simulated() {
        return !simulation.isBlank();
    }

    public boolean failed() {
        return failure.isPresent();
    }

    /** The payload with this name, if the step carries one. */
    public Optional<Payload> payload(String name) {
        return payloads.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
