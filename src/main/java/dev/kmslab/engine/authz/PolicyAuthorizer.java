package dev.kmslab.engine.authz;

import dev.kmslab.engine.policy.Decision;
import dev.kmslab.engine.state.AccessControl;
import java.util.Set;

/**
 * The engine's default authorizer: evaluates the key policy, the caller's IAM policies and the key's grants as AWS
 * KMS does (see {@link dev.kmslab.engine.policy.PolicyEvaluator}), with the condition values AWS supplies for the
 * call. A caller the lab's IAM directory does not know is denied. Grant tokens the caller presents are checked first:
 * a malformed one fails the call with InvalidGrantTokenException.
 */
public final class PolicyAuthorizer implements Authorizer {

    private final DecisionSummaries summaries = new DecisionSummaries();

    @Override
    public AuthorizationDecision authorize(AuthorizationRequest request) {
        PolicyInputs inputs = request.policyInputs();
        if (inputs == null) {
            return AuthorizationDecision.deny(denial(request, "no key policy or IAM state was supplied to evaluate"));
        }
        Set<String> tokens = GrantTokens.validated(request.caller().grantTokens());
        AccessControl access = inputs.state().access();
        AccessControl.Identity identity = access.identity(request.caller().principalArn());
        if (!identity.known()) {
            return AuthorizationDecision.deny(unknownPrincipal(request));
        }
        Decision decision = inputs.evaluator().evaluate(PolicyRequests.build(access, identity, request.action(),
                request.key(), request.account(), request.region(), request.encryptionContext(),
                request.conditionValues(), inputs.multiValuedConditions(), request.caller().viaService(), tokens,
                inputs.now()));
        if (!decision.allowed()) {
            return AuthorizationDecision.of(decision);
        }
        return new AuthorizationDecision(true, summaries.summary(decision), decision);
    }

    /** The denial for a principal the lab's directory does not hold (AWS would not even accept its signature). */
    public static String unknownPrincipal(String principalArn, String action, String resourceArn) {
        return denial(principalArn, action, resourceArn, "the principal does not exist in this lab's IAM directory "
                + "(create the user or role, or add its account, first)");
    }

    private static String unknownPrincipal(AuthorizationRequest request) {
        return unknownPrincipal(request.caller().principalArn(), request.action(), request.resourceArn());
    }

    private static String denial(AuthorizationRequest request, String because) {
        return denial(request.caller().principalArn(), request.action(), request.resourceArn(), because);
    }

    private static String denial(String principalArn, String action, String resourceArn, String because) {
        return "User: " + principalArn + " is not authorized to perform: " + action + " on resource: " + resourceArn
                + " because " + because;
    }
}
