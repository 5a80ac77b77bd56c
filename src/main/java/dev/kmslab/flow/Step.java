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
 * @param kmsCall true when this is a real KMS API call made on the engine (as opposed to local work)
 */
public record Step(String from, String to, String action, boolean kmsCall, Map<String, String> parameters,
                   List<Payload> payloads, String narration, String examTip, List<String> stateChanges,
                   Optional<Failure> failure) {

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
    }

    public boolean failed() {
        return failure.isPresent();
    }

    /** The payload with this name, if the step carries one. */
    public Optional<Payload> payload(String name) {
        return payloads.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
