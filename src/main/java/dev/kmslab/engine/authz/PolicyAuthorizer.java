package dev.kmslab.engine.authz;

import dev.kmslab.engine.policy.ConditionKeys;
import dev.kmslab.engine.policy.Decision;
import dev.kmslab.engine.policy.PolicyEvaluator;
import dev.kmslab.engine.state.AccessControl;
import dev.kmslab.engine.state.EngineState;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine's default authorizer: evaluates the key policy, the caller's IAM policies and the key's grants as AWS
 * KMS does (see {@link dev.kmslab.engine.policy.PolicyEvaluator}), with the condition values AWS supplies for the
 * call. A caller the lab's IAM directory does not know is denied. Grant tokens the caller presents are checked first:
 * a malformed one fails the call with InvalidGrantTokenException.
 */
public final class PolicyAuthorizer implements Authorizer {

    private static final String CURRENT_TIME = ConditionKeys.lower(ConditionKeys.CURRENT_TIME);
    /** Decisions per generation: at most twice this many are held (the current generation and the one before). */
    private static final int CACHE_LIMIT = 4096;

    private final DecisionSummaries summaries = new DecisionSummaries();
    /** Allowed decisions of one keystore snapshot (see {@link #reusable}); replaced when the snapshot changes. */
    private volatile SnapshotDecisions remembered;

    /**
     * The allowed decisions made against one immutable keystore snapshot with one evaluator. A decision there is a
     * function of the snapshot and of the request members in {@link RequestKey}, except for what depends on the time
     * (grants, through their propagation delay, and aws:CurrentTime), which {@link #reusable} leaves out. Holding one
     * snapshot at a time keeps no older snapshot alive, and any change (a policy, a grant, an alias, an IAM policy,
     * a key's state) publishes a new snapshot, so nothing remembered outlives what it was decided on.
     *
     * <p>Bounded by generations rather than by a lock-guarded LRU list, so a hit stays one lock-free map read: when
     * {@code decisions} holds {@link #CACHE_LIMIT} entries a new generation starts and the full one becomes
     * {@code previous}; a decision found only in {@code previous} moves into the new generation, and whatever was not
     * used during a whole generation is dropped with the generation before. A request seen once (S3's per-object
     * {@code aws:s3:arn} context, say) therefore pushes nothing hot out for good, and a new request is remembered
     * however many came before it. Racing threads may lose an entry at a swap; it is only decided afresh.
     */
    private record SnapshotDecisions(EngineState state, PolicyEvaluator evaluator,
                                     ConcurrentHashMap<RequestKey, AuthorizationDecision> decisions,
                                     Map<RequestKey, AuthorizationDecision> previous) {

        boolean decidedOn(PolicyInputs inputs) {
            return state == inputs.state() && evaluator == inputs.evaluator();
        }
    }

    /** What the decision depends on besides the snapshot, for a caller without grant tokens. */
    private record RequestKey(String principalArn, Optional<String> viaService, String action, String keyArn,
                              String account, String region, Map<String, String> encryptionContext,
                              Map<String, String> conditionValues) {
    }

    @Override
    public AuthorizationDecision authorize(AuthorizationRequest request) {
        PolicyInputs inputs = request.policyInputs();
        if (inputs == null) {
            return AuthorizationDecision.deny(denial(request, "no key policy or IAM state was supplied to evaluate"));
        }
        RequestKey requestKey = null;
        if (request.key() != null && request.caller().grantTokens().isEmpty()
                && inputs.multiValuedConditions().isEmpty()) {
            requestKey = new RequestKey(request.caller().principalArn(), request.caller().viaService(),
                    request.action(), request.key().arn(), request.account(), request.region(),
                    request.encryptionContext(), request.conditionValues());
            SnapshotDecisions known = remembered;
            if (known != null && known.decidedOn(inputs)) {
                AuthorizationDecision decided = known.decisions.get(requestKey);
                if (decided != null) {
                    return decided;
                }
                decided = known.previous.get(requestKey);
                if (decided != null) {
                    remember(inputs, requestKey, decided); // still in use: keep it in the current generation
                    return decided;
                }
            }
        }
        AuthorizationDecision decided = evaluate(request, inputs);
        if (requestKey != null && decided.allowed() && reusable(inputs, request.key(), request.caller())) {
            remember(inputs, requestKey, decided);
        }
        return decided;
    }

    private void remember(PolicyInputs inputs, RequestKey requestKey, AuthorizationDecision decided) {
        Map<String, String> context = copyWithoutNulls(requestKey.encryptionContext());
        Map<String, String> conditions = copyWithoutNulls(requestKey.conditionValues());
        if (context == null || conditions == null) {
            return;
        }
        SnapshotDecisions known = remembered;
        if (known == null || !known.decidedOn(inputs)) {
            known = new SnapshotDecisions(inputs.state(), inputs.evaluator(), new ConcurrentHashMap<>(), Map.of());
            remembered = known;
        } else if (known.decisions.size() >= CACHE_LIMIT) {
            known = new SnapshotDecisions(inputs.state(), inputs.evaluator(), new ConcurrentHashMap<>(),
                    known.decisions);
            remembered = known;
        }
        // kept with copies of the maps: a caller's map changed later must not change a remembered key
        known.decisions.put(new RequestKey(requestKey.principalArn(), requestKey.viaService(), requestKey.action(),
                requestKey.keyArn(), requestKey.account(), requestKey.region(), context, conditions), decided);
    }

    /** An immutable copy, or null (not remembered) for a map holding a null, which Map.copyOf refuses. */
    private static Map<String, String> copyWithoutNulls(Map<String, String> map) {
        for (Map.Entry<String, String> entry : map.entrySet()) {
            if (entry.getKey() == null || entry.getValue() == null) {
                return null;
            }
        }
        return Map.copyOf(map);
    }

    /**
     * Whether an allowed decision holds for as long as its snapshot: not when the key has grants (a grant's
     * propagation delay makes the answer depend on the time) nor when a policy that applies tests aws:CurrentTime.
     */
    private static boolean reusable(PolicyInputs inputs, KeyDescriptor key, dev.kmslab.engine.CallerContext caller) {
        AccessControl access = inputs.state().access();
        return access.grants(key.keyId()).isEmpty()
                && !access.keyPolicyConditionKeys(key.keyId()).contains(CURRENT_TIME)
                && !access.identity(caller.principalArn()).conditionKeys().contains(CURRENT_TIME);
    }

    private AuthorizationDecision evaluate(AuthorizationRequest request, PolicyInputs inputs) {
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
