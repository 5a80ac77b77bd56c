package dev.kmslab.engine.policy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The request's condition values as the policy sees them, looked up by lower-case key (condition key names are
 * case-insensitive). Values the caller supplies win; aws:PrincipalArn, aws:PrincipalAccount, kms:CallerAccount,
 * aws:userid, aws:CurrentTime and the encryption-context keys are derived from the request, each only when a policy asks.
 * Encryption-context keys are folded to lower case in {@code kms:EncryptionContext:<key>} but kept as written in
 * kms:EncryptionContextKeys, which is how a policy can insist on the exact case of a key. One instance serves one
 * evaluation on one thread.
 */
final class RequestContext {

    private static final String PRINCIPAL_ARN = ConditionKeys.lower(ConditionKeys.PRINCIPAL_ARN);
    private static final String PRINCIPAL_ACCOUNT = ConditionKeys.lower(ConditionKeys.PRINCIPAL_ACCOUNT);
    private static final String CALLER_ACCOUNT = ConditionKeys.lower(ConditionKeys.CALLER_ACCOUNT);
    private static final String CONTEXT_KEYS = ConditionKeys.lower(ConditionKeys.ENCRYPTION_CONTEXT_KEYS);
    private static final String CURRENT_TIME = ConditionKeys.lower(ConditionKeys.CURRENT_TIME);
    private static final String USER_ID = ConditionKeys.lower(ConditionKeys.USER_ID);

    private final EvaluationRequest request;
    private final String principalArn;
    private final Map<String, List<String>> supplied;
    private String[] contextLowerKeys;
    private List<String>[] contextValues;

    /**
     * @param principalArn the caller's aws:PrincipalArn value, computed once by the evaluator
     */
    RequestContext(EvaluationRequest request, String principalArn) {
        this.request = request;
        this.principalArn = principalArn;
        Map<String, List<String>> given = request.conditionValues();
        if (given.isEmpty()) {
            supplied = Map.of();
        } else {
            supplied = new HashMap<>(given.size() * 2);
            for (Map.Entry<String, List<String>> entry : given.entrySet()) {
                supplied.put(ConditionKeys.lower(entry.getKey()), entry.getValue());
            }
        }
    }

    /** Whether a clause on aws:CurrentTime may compare the request's instant directly. */
    boolean derivesCurrentTime() {
        return !supplied.containsKey(CURRENT_TIME);
    }

    Instant now() {
        return request.now();
    }

    /** The values of the clause's key, or null when the request has none. */
    List<String> values(ConditionClause clause) {
        String key = clause.lowerKey();
        List<String> v = supplied.get(key);
        if (v != null) {
            return v;
        }
        if (clause.contextKey() != null) {
            return contextValue(clause.contextKey());
        }
        Principal p = request.principal();
        if (key.equals(PRINCIPAL_ARN)) {
            return List.of(principalArn);
        }
        if (key.equals(PRINCIPAL_ACCOUNT) || key.equals(CALLER_ACCOUNT)) {
            return p.accountId() == null ? null : List.of(p.accountId());
        }
        if (key.equals(CONTEXT_KEYS)) {
            return request.encryptionContext().isEmpty() ? null : List.copyOf(request.encryptionContext().keySet());
        }
        if (key.equals(CURRENT_TIME)) {
            return timeValues();
        }
        if (key.equals(USER_ID)) {
            String id = PrincipalIds.userId(p);
            return id == null ? null : List.of(id);
        }
        return null;
    }

    /** The request time as the one value of aws:CurrentTime, formatted only if someone reads it (a trace). */
    List<String> timeValues() {
        Instant now = request.now();
        return new AbstractList<>() {
            @Override
            public String get(int index) {
                if (index != 0) {
                    throw new IndexOutOfBoundsException(index);
                }
                return now.truncatedTo(ChronoUnit.SECONDS).toString();
            }

            @Override
            public int size() {
                return 1;
            }
        };
    }

    /**
     * The values of one encryption-context key, matched case-insensitively. Contexts are small, so parallel arrays
     * scanned linearly beat a hash map that would have to be built for every request.
     */
    private List<String> contextValue(String lowerKey) {
        if (contextLowerKeys == null) {
            indexContext();
        }
        for (int i = 0; i < contextLowerKeys.length; i++) {
            if (contextLowerKeys[i].equals(lowerKey)) {
                return contextValues[i];
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private void indexContext() {
        Map<String, String> context = request.encryptionContext();
        List<String> keys = new ArrayList<>(context.size());
        List<List<String>> values = new ArrayList<>(context.size());
        for (Map.Entry<String, String> pair : context.entrySet()) {
            String lower = pair.getKey().toLowerCase(Locale.ROOT);
            int at = keys.indexOf(lower);
            if (at < 0) {
                keys.add(lower);
                values.add(List.of(pair.getValue()));
            } else {
                // two context keys that differ only by case: the condition key sees both values
                List<String> both = new ArrayList<>(values.get(at));
                both.add(pair.getValue());
                values.set(at, List.copyOf(both));
            }
        }
        contextLowerKeys = keys.toArray(new String[0]);
        contextValues = values.toArray(new List[0]);
    }
}
