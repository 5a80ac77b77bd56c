package dev.kmslab.engine.policy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
 * Policies arrive compiled, so an evaluation does no parsing and no pattern compilation, and the statement results of
 * a request are remembered (see {@link StatementKey}), so a repeated request traces no statement again. The evaluator
 * is thread-safe.
 */
public final class PolicyEvaluator {

    /** Default simulated grant propagation delay, in engine time. */
    public static final Duration DEFAULT_GRANT_PROPAGATION_DELAY = Duration.ofSeconds(5);

    private static final String CURRENT_TIME = ConditionKeys.lower(ConditionKeys.CURRENT_TIME);

    private final Duration grantPropagationDelay;
    /**
     * Statement results by everything they depend on: a key is used over and over by the same callers with the same
     * contexts, and tracing every statement again is most of the cost of a decision. Cleared when it grows past
     * {@link #MEMO_LIMIT}, so arbitrary contexts cannot grow memory.
     */
    private final ConcurrentHashMap<StatementKey, Statements> statementMemo = new ConcurrentHashMap<>();
    private static final int MEMO_LIMIT = 4096;

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
        StatementKey memoKey = new StatementKey(caller, actionIndex, request.keyArn(), request.keyPolicy(),
                request.identityPolicies(), request.conditionValues(), request.encryptionContext());
        Statements evaluated = statementMemo.get(memoKey);
        if (evaluated == null) {
            evaluated = statements(request, caller, actionIndex);
            if (evaluated.cacheable) {
                if (statementMemo.size() >= MEMO_LIMIT) {
                    statementMemo.clear();
                }
                statementMemo.put(memoKey, evaluated);
            }
        }
        if (request.grants().isEmpty()) {
            // no grants: the decision follows from the statements alone, so a remembered one is reused as it is
            Known known = evaluated.withoutGrants;
            if (known != null && known.decision.action().equals(action)
                    && known.keyAccount.equals(request.keyAccount())) {
                return known.decision;
            }
        }
        Found key = evaluated.key;
        Found iam = evaluated.iam;
        String callerArn = evaluated.callerArn;
        List<StatementTrace> traces = evaluated.traces;
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
        Decision decision = new Decision(outcome.reason, callerArn, action, request.keyArn(), outcome.deciding,
                outcome.supporting, outcome.reason == DecisionReason.ALLOWED_BY_GRANT ? grantAllow : null,
                outcome.blocking, traces, grantTraces);
        if (request.grants().isEmpty()) {
            // a race only makes another thread build an equal decision
            evaluated.withoutGrants = new Known(decision, request.keyAccount());
        }
        return decision;
    }

    /**
     * The statement part of an evaluation: every key policy and IAM policy statement traced, and the applicable
     * ones noted. It depends only on what {@link StatementKey} holds, except for clauses on aws:CurrentTime, which
     * read the request's instant: a result that evaluated one is not cacheable.
     */
    private static Statements statements(EvaluationRequest request, Principal caller, int actionIndex) {
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
        boolean cacheable = true;
        for (StatementTrace t : traces) {
            for (ConditionResult r : t.conditions()) {
                cacheable &= !r.clause().lowerKey().equals(CURRENT_TIME);
            }
        }
        return new Statements(callerArn, List.copyOf(traces), key, iam, cacheable);
    }

    /** What the statements of one evaluation found, shared read-only by every evaluation with the same key. */
    private record Known(Decision decision, String keyAccount) {
    }

    private static final class Statements {
        final String callerArn;
        final List<StatementTrace> traces;
        final Found key;
        final Found iam;
        final boolean cacheable;
        /** The decision these statements give when the key has no grants, once made. */
        volatile Known withoutGrants;

        Statements(String callerArn, List<StatementTrace> traces, Found key, Found iam, boolean cacheable) {
            this.callerArn = callerArn;
            this.traces = traces;
            this.key = key;
            this.iam = iam;
            this.cacheable = cacheable;
        }
    }

    /**
     * Everything the statement part of an evaluation depends on. Policies are compared by identity: a policy is
     * immutable, and a changed policy is a new object, so a stale entry can never match (and the memo is bounded).
     */
    private record StatementKey(Principal principal, int actionIndex, String keyArn, PolicyDocument keyPolicy,
                                List<AttachedPolicy> identityPolicies, Map<String, List<String>> conditionValues,
                                Map<String, String> encryptionContext) {

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof StatementKey k) || k.actionIndex != actionIndex || k.keyPolicy != keyPolicy
                    || !k.keyArn.equals(keyArn) || !k.principal.equals(principal)
                    || k.identityPolicies.size() != identityPolicies.size()) {
                return false;
            }
            for (int i = 0; i < identityPolicies.size(); i++) {
                AttachedPolicy a = identityPolicies.get(i);
                AttachedPolicy b = k.identityPolicies.get(i);
                if (a != b && (a.document() != b.document() || !a.name().equals(b.name()))) {
                    return false;
                }
            }
            return k.encryptionContext.equals(encryptionContext) && k.conditionValues.equals(conditionValues);
        }

        @Override
        public int hashCode() {
            int h = principal.hashCode() * 31 + actionIndex;
            h = h * 31 + keyArn.hashCode();
            h = h * 31 + System.identityHashCode(keyPolicy);
            return (h * 31 + encryptionContext.hashCode()) * 31 + conditionValues.hashCode();
        }
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
