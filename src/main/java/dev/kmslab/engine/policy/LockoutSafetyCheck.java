package dev.kmslab.engine.policy;

import dev.kmslab.engine.error.MalformedPolicyDocumentException;
import java.time.Instant;
import java.util.List;

/**
 * The policy lockout safety check of CreateKey and PutKeyPolicy: a new key policy that would not let the caller
 * call PutKeyPolicy afterwards is refused, unless the request sets BypassPolicyLockoutSafetyCheck. Without it a key
 * could become unmanageable for good.
 */
public final class LockoutSafetyCheck {

    /** AWS's message for a refused policy. */
    public static final String MESSAGE =
            "The new key policy will not allow you to update the key policy in the future.";

    private static final PolicyEvaluator EVALUATOR = new PolicyEvaluator();

    private LockoutSafetyCheck() {
    }

    /**
     * @param callerPolicies the caller's IAM policies (they count where the new policy delegates to IAM)
     * @throws MalformedPolicyDocumentException with {@link #MESSAGE} when the caller would be locked out
     */
    public static void check(PolicyDocument newPolicy, Principal caller, List<AttachedPolicy> callerPolicies,
                             String keyArn, String keyAccount, Instant now, boolean bypass) {
        if (bypass) {
            return;
        }
        Decision decision = wouldAllowPutKeyPolicy(newPolicy, caller, callerPolicies, keyArn, keyAccount, now);
        if (!decision.allowed()) {
            throw new MalformedPolicyDocumentException(MESSAGE);
        }
    }

    /** The decision the check rests on, for the UI to explain why a policy was refused. */
    public static Decision wouldAllowPutKeyPolicy(PolicyDocument newPolicy, Principal caller,
                                                  List<AttachedPolicy> callerPolicies, String keyArn,
                                                  String keyAccount, Instant now) {
        EvaluationRequest request = EvaluationRequest.builder(caller, "kms:PutKeyPolicy", keyArn, keyAccount,
                        newPolicy)
                .identityPolicies(callerPolicies == null ? List.of() : callerPolicies)
                .condition("kms:BypassPolicyLockoutSafetyCheck", "false")
                .now(now)
                .build();
        return EVALUATOR.evaluate(request);
    }
}
