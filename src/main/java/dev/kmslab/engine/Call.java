package dev.kmslab.engine;

import dev.kmslab.engine.policy.Decision;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One call in flight: who, what, when, and what the audit record will say. The operation code fills in the key ARN
 * and the authorization explanation as it learns them.
 */
final class Call {

    final KmsOperation operation;
    final CallerContext caller;
    final Instant now;
    final Map<String, Object> auditParameters;
    String keyArn;
    String authorizationExplanation;
    /** The policy decisions made for this call (ReEncrypt makes two); null until the first. */
    List<Decision> decisions;

    Call(KmsOperation operation, CallerContext caller, Instant now, Map<String, Object> auditParameters) {
        this.operation = operation;
        this.caller = caller;
        this.now = now;
        this.auditParameters = auditParameters;
    }

    void addDecision(Decision decision) {
        if (decision == null) {
            return;
        }
        if (decisions == null) {
            decisions = List.of(decision);
        } else {
            List<Decision> more = new ArrayList<>(decisions);
            more.add(decision);
            decisions = List.copyOf(more);
        }
    }

    /** Notes an allow decision; calls authorized twice (ReEncrypt, UpdateAlias) keep both explanations. */
    void markAuthorized(String explanation) {
        authorizationExplanation = authorizationExplanation == null ? explanation
                : authorizationExplanation + "\n" + explanation;
    }
}
