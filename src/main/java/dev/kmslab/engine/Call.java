package dev.kmslab.engine;

import java.time.Instant;
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

    Call(KmsOperation operation, CallerContext caller, Instant now, Map<String, Object> auditParameters) {
        this.operation = operation;
        this.caller = caller;
        this.now = now;
        this.auditParameters = auditParameters;
    }

    /** Notes an allow decision; calls authorized twice (ReEncrypt, UpdateAlias) keep both explanations. */
    void markAuthorized(String explanation) {
        authorizationExplanation = authorizationExplanation == null ? explanation
                : authorizationExplanation + "\n" + explanation;
    }
}
