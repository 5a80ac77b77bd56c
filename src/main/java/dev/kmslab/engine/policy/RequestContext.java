package dev.kmslab.engine.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The request's condition keys, lower-cased once per evaluation (condition key names are case-insensitive), with
 * the keys the evaluator derives from the caller, the time and the encryption context. The context's keys are
 * folded to lower case in {@code kms:EncryptionContext:<key>} but kept as written in kms:EncryptionContextKeys,
 * which is how a policy can insist on the exact case of a key.
 */
final class RequestContext {

    private static final String CONTEXT_PREFIX = "kms:encryptioncontext:";

    private final Map<String, List<String>> values = new HashMap<>();

    RequestContext(EvaluationRequest request) {
        Principal p = request.principal();
        put("aws:principalarn", List.of(p.principalArnConditionValue()));
        if (p.accountId() != null) {
            put("aws:principalaccount", List.of(p.accountId()));
            put("kms:calleraccount", List.of(p.accountId()));
        }
        put("aws:currenttime", List.of(request.now().toString()));
        if (!request.encryptionContext().isEmpty()) {
            List<String> keys = new ArrayList<>(request.encryptionContext().size());
            for (Map.Entry<String, String> pair : request.encryptionContext().entrySet()) {
                keys.add(pair.getKey());
                values.computeIfAbsent(CONTEXT_PREFIX + pair.getKey().toLowerCase(Locale.ROOT),
                        k -> new ArrayList<>(1)).add(pair.getValue());
            }
            put("kms:encryptioncontextkeys", keys);
        }
        for (Map.Entry<String, List<String>> entry : request.conditionValues().entrySet()) {
            put(entry.getKey().toLowerCase(Locale.ROOT), entry.getValue());
        }
    }

    private void put(String lowerKey, List<String> list) {
        values.put(lowerKey, list);
    }

    /** The values of a condition key (given in lower case), or null when the request has none. */
    List<String> get(String lowerKey) {
        return values.get(lowerKey);
    }
}
