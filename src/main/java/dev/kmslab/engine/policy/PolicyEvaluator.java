package dev.kmslab.engine.policy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a principal may perform a KMS action on a key, as AWS KMS does:
 * <ol>
 *   <li>an applicable Deny in the key policy or in the caller's IAM policies wins;</li>
 *   <li>in the key's own account, an Allow in the key policy that names the caller suffices; an Allow that names the
 *       account (the root ARN or account id) delegates to IAM, and then an Allow in the caller's IAM policies is
 *       needed;</li>
 *   <li>from another account, the key policy must allow the caller or its account, and the caller's IAM policies
 *       must allow the call too (an account root holds every permission of its account);</li>
 *   <li>otherwise a grant in force that names the caller and the operation, with its constraints met, allows it;</li>
 *   <li>otherwise the call is implicitly denied.</li>
 * </ol>
 * Policies arrive compiled, so an evaluation does no parsing and no pattern compilation. The evaluator is immutable
 * and thread-safe.
 */
public final class PolicyEvaluator {

    /** Default simulated grant propagation delay, in engine time. */
    public static final Duration DEFAULT_GRANT_PROPAGATION_DELAY = Duration.ofSeconds(5);

    private static final String CURRENT_TIME = ConditionKeys.lower(ConditionKeys.CURRENT_TIME);

    private final Duration grantPropagationDelay;

    public PolicyEvaluator() {
        this(DEFAULT_GRANT_PROPAGATION_DELAY);
    }

    public PolicyEvaluator(Duration grantPropagationDelay) {
        if (grantPropagationDelay == null || grantPropagationDelay.isNegative()) {
            throw new IllegalArgumentException("the grant propagation delay must be zero or positive");
        }
        this.grantPropagationDelay = grantPropagationDelay;
    }

    public Duration grantPropagationDelay() {
        return grantPropagationDelay;
    }

    /**
     * @throws IllegalArgumentException when the action is not a KMS action
     */
    public Decision evaluate(EvaluationRequest request) {
        int actionIndex = KmsActions.indexOf(request.action());
        if (actionIndex < 0) {
            throw new IllegalArgumentException("unknown KMS action: " + request.action());
        }
        String action = KmsActions.ALL.get(actionIndex);
        Principal caller = request.principal();
        List<String> callerArns = caller.policyArns();
        String callerArn = callerArns.get(0);
        // a session's aws:PrincipalArn is its role's ARN, the second name policyArns() gives it
        String principalArn = caller instanceof AssumedRoleSession ? callerArns.get(1) : callerArn;
        RequestContext context = new RequestContext(request, principalArn);
        List<StatementTrace> traces = new ArrayList<>(statementCount(request));
        Found key = new Found();
        for (Statement st : request.keyPolicy().statements()) {
            StatementTrace t = statement(PolicyKind.KEY_POLICY, "key policy", st, caller, callerArns, actionIndex,
                    request.keyArn(), context);
            traces.add(t);
            key.note(t);
        }
        Found iam = new Found();
        if (caller.accountId() != null) {
            for (AttachedPolicy policy : request.identityPolicies()) {
                for (Statement st : policy.document().statements()) {
                    StatementTrace t = statement(PolicyKind.IDENTITY_POLICY, policy.name(), st, caller, callerArns,
                            actionIndex, request.keyArn(), context);
                    traces.add(t);
                    iam.note(t);
                }
            }
        }
        List<GrantTrace> grantTraces = new ArrayList<>();
        GrantTrace grantAllow = null;
        GrantOperation operation = GrantOperation.forAction(action);
        for (Grant grant : request.grants()) {
            GrantTrace g = grant(grant, operation, request);
            grantTraces.add(g);
            if (g.applies() && grantAllow == null) {
                grantAllow = g;
            }
        }
        Outcome outcome = decide(caller, request.keyAccount(), key, iam, grantAllow);
        return new Decision(outcome.reason, callerArn, action, request.keyArn(), outcome.deciding,
                outcome.supporting, outcome.reason == DecisionReason.ALLOWED_BY_GRANT ? grantAllow : null,
                outcome.blocking, traces, grantTraces);
    }

    private static int statementCount(EvaluationRequest request) {
        int n = request.keyPolicy().statements().size();
        for (AttachedPolicy policy : request.identityPolicies()) {
            n += policy.document().statements().size();
        }
        return n;
    }

    private static Outcome decide(Principal caller, String keyAccount, Found key, Found iam, GrantTrace grant) {
        if (key.deny != null) {
            return new Outcome(DecisionReason.EXPLICIT_DENY, key.deny, null, PolicyKind.KEY_POLICY);
        }
        if (iam.deny != null) {
            return new Outcome(DecisionReason.EXPLICIT_DENY, iam.deny, null, PolicyKind.IDENTITY_POLICY);
        }
        String account = caller.accountId();
        boolean sameAccount = keyAccount.equals(account);
        StatementTrace keyAllow = key.directAllow != null ? key.directAllow : key.accountAllow;
        if (sameAccount || account == null) {
            if (key.directAllow != null) {
                return new Outcome(DecisionReason.ALLOWED_BY_KEY_POLICY, key.directAllow, null, null);
            }
            if (key.accountAllow != null && iam.allow != null) {
                return new Outcome(DecisionReason.ALLOWED_BY_IAM_POLICY, iam.allow, key.accountAllow, null);
            }
        } else if (keyAllow != null && (caller instanceof AccountRoot || iam.allow != null)) {
            return new Outcome(DecisionReason.ALLOWED_CROSS_ACCOUNT, keyAllow, iam.allow, null);
        }
        if (grant != null) {
            return new Outcome(DecisionReason.ALLOWED_BY_GRANT, null, null, null);
        }
        PolicyKind missing = keyAllow == null ? PolicyKind.KEY_POLICY : PolicyKind.IDENTITY_POLICY;
        return new Outcome(DecisionReason.IMPLICIT_DENY, null, null, missing);
    }

    private static StatementTrace statement(PolicyKind kind, String policyName, Statement st, Principal caller,
                                            List<String> callerArns, int actionIndex, String keyArn,
                                            RequestContext context) {
        PrincipalMatch principal = st.principal() == null ? PrincipalMatch.DIRECT
                : st.principal().match(caller, callerArns);
        if (principal == PrincipalMatch.NONE) {
            return new StatementTrace(kind, policyName, st, principal, false, false, false, List.of(), false);
        }
        boolean actionMatched = st.action().matches(actionIndex);
        boolean resourceMatched = st.resource().matches(keyArn);
        if (!actionMatched || !resourceMatched) {
            return new StatementTrace(kind, policyName, st, principal, actionMatched, resourceMatched, false,
                    List.of(), false);
        }
        List<ConditionClause> clauses = st.conditions();
        if (clauses.isEmpty()) {
            return new StatementTrace(kind, policyName, st, principal, true, true, true, List.of(), true);
        }
        List<ConditionResult> results = new ArrayList<>(clauses.size());
        boolean all = true;
        for (int i = 0; i < clauses.size(); i++) {
            ConditionClause clause = clauses.get(i);
            List<String> values = context.values(clause);
            boolean ok = clause.contextKey() == null && clause.lowerKey().equals(CURRENT_TIME)
                    && context.derivesCurrentTime()
                    ? clause.evaluateTime(context.now(), values) : clause.evaluate(values);
            results.add(new ConditionResult(clause, values, ok));
            all &= ok;
        }
        return new StatementTrace(kind, policyName, st, principal, true, true, true, results, all);
    }

    private GrantTrace grant(Grant grant, GrantOperation operation, EvaluationRequest request) {
        boolean grantee = GrantRules.isGrantee(grant, request.principal());
        boolean opAllowed = operation != null && grant.allowsOperation(operation);
        boolean constraints = opAllowed && GrantRules.constraintsAllow(grant, operation, request.encryptionContext());
        boolean token = request.grantTokens().contains(grant.grantToken());
        boolean effective = GrantRules.isEffective(grant, request.now(), grantPropagationDelay,
                request.grantTokens());
        return new GrantTrace(grant, grantee, opAllowed, constraints, token, effective,
                grantee && opAllowed && constraints && effective);
    }

    /** The first applicable statement of each kind in one policy family. */
    private static final class Found {
        StatementTrace deny;
        StatementTrace directAllow;
        StatementTrace accountAllow;
        StatementTrace allow;

        void note(StatementTrace t) {
            if (!t.applies()) {
                return;
            }
            if (t.statement().effect() == Effect.DENY) {
                deny = deny == null ? t : deny;
                return;
            }
            allow = allow == null ? t : allow;
            if (t.principal() == PrincipalMatch.DIRECT) {
                directAllow = directAllow == null ? t : directAllow;
            } else if (t.principal() == PrincipalMatch.ACCOUNT) {
                accountAllow = accountAllow == null ? t : accountAllow;
            }
        }
    }

    private record Outcome(DecisionReason reason, StatementTrace deciding, StatementTrace supporting,
                           PolicyKind blocking) {
    }
}
