package dev.kmslab.engine.authz;

import dev.kmslab.engine.policy.Decision;
import dev.kmslab.engine.policy.DecisionReason;
import dev.kmslab.engine.policy.Statement;
import dev.kmslab.engine.policy.StatementTrace;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the one-line summaries of allowed decisions ({@link Decision#summary()}), which every audited call
 * carries: a key is used over and over by the same statement, and formatting the same line again on every call is a
 * measurable share of an Encrypt. Statements are compared by identity (they live as long as their policy), and the
 * cache is emptied when it grows past a bound, so replaced policies cannot make it grow for ever.
 */
public final class DecisionSummaries {

    private static final int LIMIT = 4096;

    private record Key(DecisionReason reason, Statement statement, String policyName) {

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.reason == reason && k.statement == statement
                    && k.policyName.equals(policyName);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(statement) * 31 + reason.ordinal();
        }
    }

    private final ConcurrentHashMap<Key, String> cache = new ConcurrentHashMap<>();

    public String summary(Decision decision) {
        StatementTrace deciding = decision.decidingStatement();
        if (deciding == null) {
            return decision.summary(); // grants: not worth caching
        }
        Key key = new Key(decision.reason(), deciding.statement(), deciding.policyName());
        String known = cache.get(key);
        if (known != null) {
            return known;
        }
        if (cache.size() >= LIMIT) {
            cache.clear();
        }
        String summary = decision.summary();
        cache.put(key, summary);
        return summary;
    }
}
