package dev.kmslab.engine.authz;

import dev.kmslab.engine.policy.PolicyEvaluator;
import dev.kmslab.engine.state.EngineState;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a policy-evaluating authorizer needs beyond the request itself: the keystore snapshot the call works on (key
 * policies, grants, IAM directory), the engine time, the engine's evaluator (it carries the grant propagation delay)
 * and request condition keys that have several values, such as {@code kms:GrantOperations}.
 */
public record PolicyInputs(EngineState state, Instant now, PolicyEvaluator evaluator,
                           Map<String, List<String>> multiValuedConditions) {

    public PolicyInputs {
        if (state == null || now == null || evaluator == null) {
            throw new IllegalArgumentException("policy inputs need a state, a time and an evaluator");
        }
        multiValuedConditions = multiValuedConditions == null ? Map.of() : multiValuedConditions;
    }
}
