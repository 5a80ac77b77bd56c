package dev.kmslab.study.labs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How the sandbox starts: the simulated clock, how long a new grant takes to work without its grant token, the
 * key material the lab hands out (hex, for import labs), and the operations that build the state in order
 * (accounts and principals, custom key stores, keys, grants, then the history actions).
 */
public record LabStart(Instant clock, Duration grantPropagation, Map<String, String> materials,
                       List<LabOperation> operations) {

    public LabStart {
        materials = Map.copyOf(materials);
        operations = List.copyOf(operations);
    }
}
