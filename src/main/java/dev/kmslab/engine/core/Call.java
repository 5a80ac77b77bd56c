package dev.kmslab.engine.core;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.KmsOperation;
import dev.kmslab.engine.policy.Decision;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One call in flight: who, what, when, and what the audit record will say. The operation code fills in the key ARN
 * and the authorization explanation as it learns them.
 */
public final class Call {

    public final KmsOperation operation;
    public final CallerContext caller;
    public final Instant now;
    public final Map<String, Object> auditParameters;
    public String keyArn;
    public String authorizationExplanation;
    /** The policy decisions made for this call (ReEncrypt makes two); null until the first. */
    public List<Decision> decisions;

    public Call(KmsOperation operation, CallerContext caller, Instant now, Map<String, Object> auditParameters) {
        this.operation = operation;
        this.caller = caller;
        this.now = now;
        this.auditParameters = auditParameters;
    }

    /** A dry run: an operation that changes state stops just before the change (see DryRuns). */
    public boolean dryRun() {
        return caller.dryRun();
    }

    public void addDecision(Decision decision) {
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
    public void markAuthorized(String explanation) {
        authorizationExplanation = authorizationExplanation == null ? explanation
                : authorizationExplanation + "\n" + explanation;
    }
}
