package dev.kmslab.engine.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One row of the evaluation table: a request and the decision AWS would make. */
final class EvaluationCase {

    final String name;
    final String policy;
    final Principal who;
    final String action;
    final List<AttachedPolicy> iam = new ArrayList<>();
    final List<Grant> grants = new ArrayList<>();
    final Map<String, String> context = new LinkedHashMap<>();
    final Map<String, List<String>> conditions = new HashMap<>();
    Instant now = Fixtures.NOW;
    Set<String> tokens = Set.of();
    DecisionReason expected;
    PolicyKind blocking;
    String decidingSid;

    private EvaluationCase(String name, String policy, Principal who, String action) {
        this.name = name;
        this.policy = policy;
        this.who = who;
        this.action = action;
    }

    static EvaluationCase when(String name, String policy, Principal who, String action) {
        return new EvaluationCase(name, policy, who, action);
    }

    EvaluationCase iam(AttachedPolicy... policies) {
        iam.addAll(Arrays.asList(policies));
        return this;
    }

    EvaluationCase grant(Grant g) {
        grants.add(g);
        return this;
    }

    /** Encryption context as alternating keys and values. */
    EvaluationCase context(String... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            context.put(pairs[i], pairs[i + 1]);
        }
        return this;
    }

    EvaluationCase condition(String key, String... values) {
        conditions.put(key, List.of(values));
        return this;
    }

    EvaluationCase at(Instant time) {
        now = time;
        return this;
    }

    EvaluationCase tokens(String... presented) {
        tokens = Set.of(presented);
        return this;
    }

    EvaluationCase allowed(DecisionReason reason) {
        expected = reason;
        return this;
    }

    EvaluationCase allowedBy(DecisionReason reason, String sid) {
        expected = reason;
        decidingSid = sid;
        return this;
    }

    EvaluationCase denied(DecisionReason reason, PolicyKind kind) {
        expected = reason;
        blocking = kind;
        return this;
    }

    EvaluationRequest request() {
        return new EvaluationRequest(who, action, Fixtures.KEY_ARN, Fixtures.A, PolicyParser.parse(policy), iam,
                grants, conditions, context, now, tokens);
    }

    @Override
    public String toString() {
        return name;
    }
}
