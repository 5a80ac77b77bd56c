package dev.kmslab.engine.policy;

import java.util.List;

/** How one condition clause fared: the policy's test, the request's values for its key (null if absent), result. */
public record ConditionResult(ConditionClause clause, List<String> requestValues, boolean result) {

    public String describe() {
        String request = requestValues == null ? "(key absent from the request)" : requestValues.toString();
        return clause.describe() + " vs request " + request + " -> " + (result ? "true" : "false");
    }
}
