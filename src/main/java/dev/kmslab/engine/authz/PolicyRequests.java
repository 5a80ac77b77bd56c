package dev.kmslab.engine.authz;

import dev.kmslab.engine.policy.ConditionKeys;
import dev.kmslab.engine.policy.EvaluationRequest;
import dev.kmslab.engine.policy.PolicyDocument;
import dev.kmslab.engine.policy.PolicyParser;
import dev.kmslab.engine.state.AccessControl;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds the policy evaluator's request for one engine call (or one simulation): the caller as the directory knows
 * it, the key's policy and grants, the caller's IAM policies, and the condition values AWS KMS supplies for the call.
 *
 * <p>Account-level actions (CreateKey, ListKeys, ListAliases, GenerateRandom, ListRetirableGrants) involve no key
 * policy in AWS: IAM policies alone decide, and an account root holds every permission of its account. They are
 * evaluated against a fixed stand-in "key policy" that names only the account, which yields exactly that rule: the
 * root is allowed, other principals of the account need an IAM Allow, explicit IAM Denies still win, and principals
 * of other accounts are refused.
 */
public final class PolicyRequests {

    /** Sid of the stand-in statement, shown in explanations of account-level decisions. */
    public static final String ACCOUNT_LEVEL_SID = "Account-level action: the account's IAM policies decide";

    private static final Map<String, PolicyDocument> ACCOUNT_LEVEL = new ConcurrentHashMap<>();
    // lower-case forms of the key's own condition keys, which every key-scoped call offers
    private static final String KEY_SPEC = ConditionKeys.lower(ConditionKeys.KEY_SPEC);
    private static final String KEY_USAGE = ConditionKeys.lower(ConditionKeys.KEY_USAGE);
    private static final String KEY_ORIGIN = ConditionKeys.lower(ConditionKeys.KEY_ORIGIN);
    private static final String MULTI_REGION = ConditionKeys.lower(ConditionKeys.MULTI_REGION);

    private PolicyRequests() {
    }

    /**
     * @param key         the key, or null for an account-level action
     * @param identity    the caller, already known to the directory
     * @param conditions  request values derived by the operation (kms:RequestAlias, ...)
     * @param multiValued further values that are always passed (a simulation's own values win over derived ones)
     */
    public static EvaluationRequest build(AccessControl access, AccessControl.Identity identity, String action,
                                   KeyDescriptor key, String account, String region,
                                   Map<String, String> context, Map<String, String> conditions,
                                   Map<String, List<String>> multiValued, Optional<String> viaService,
                                   Set<String> grantTokens, Instant now) {
        if (key == null) {
            Values values = new Values(Set.of(), identity.conditionKeys());
            conditions.forEach(values::put);
            viaService.ifPresent(s -> values.put(ConditionKeys.VIA_SERVICE, s));
            return new EvaluationRequest(identity.principal(), action, accountResource(account, region), account,
                    accountLevelPolicy(account), identity.identityPolicies(), List.of(),
                    values.withAll(multiValued), context, now, grantTokens);
        }
        Values values = new Values(access.keyPolicyConditionKeys(key.keyId()), identity.conditionKeys());
        conditions.forEach(values::put);
        viaService.ifPresent(s -> values.put(ConditionKeys.VIA_SERVICE, s));
        if (values.wantsAny()) {
            values.putLower(KEY_SPEC, ConditionKeys.KEY_SPEC, key.keySpec().name());
            values.putLower(KEY_USAGE, ConditionKeys.KEY_USAGE, key.keyUsage().name());
            values.putLower(KEY_ORIGIN, ConditionKeys.KEY_ORIGIN, key.origin().name());
            values.putLower(MULTI_REGION, ConditionKeys.MULTI_REGION, Boolean.toString(key.multiRegion()));
        }
        if (!key.aliases().isEmpty()) {
            values.put(ConditionKeys.RESOURCE_ALIASES, key.aliases());
        }
        return new EvaluationRequest(identity.principal(), action, key.arn(), key.account(),
                access.keyPolicy(key.keyId()), identity.identityPolicies(), access.grants(key.keyId()),
                values.withAll(multiValued), context, now, grantTokens);
    }

    /**
     * The request's condition values, keeping only keys some applicable policy tests: the engine computes a dozen
     * values for every call, but a typical policy tests one or two, and building maps for the rest would dominate the
     * cost of a decision. The map is created only when a value is kept.
     */
    private static final class Values {
        private final Set<String> keyPolicyKeys;
        private final Set<String> identityKeys;
        private Map<String, List<String>> map;

        public Values(Set<String> keyPolicyKeys, Set<String> identityKeys) {
            this.keyPolicyKeys = keyPolicyKeys;
            this.identityKeys = identityKeys;
        }

        public void put(String key, String value) {
            if (wanted(key)) {
                target().put(key, List.of(value));
            }
        }

        /** Whether any policy tests a condition key at all (if not, no value is kept). */
        public boolean wantsAny() {
            return !keyPolicyKeys.isEmpty() || !identityKeys.isEmpty();
        }

        /** As {@link #put(String, String)} with the key's lower-case form already known. */
        public void putLower(String lower, String key, String value) {
            if (keyPolicyKeys.contains(lower) || identityKeys.contains(lower)) {
                target().put(key, List.of(value));
            }
        }

        public void put(String key, List<String> values) {
            if (wanted(key)) {
                target().put(key, values);
            }
        }

        public Map<String, List<String>> withAll(Map<String, List<String>> always) {
            if (!always.isEmpty()) {
                target().putAll(always);
            }
            return map == null ? Map.of() : map;
        }

        private boolean wanted(String key) {
            if (keyPolicyKeys.isEmpty() && identityKeys.isEmpty()) {
                return false;
            }
            String lower = ConditionKeys.lower(key);
            return keyPolicyKeys.contains(lower) || identityKeys.contains(lower);
        }

        private Map<String, List<String>> target() {
            if (map == null) {
                map = new HashMap<>(8);
            }
            return map;
        }
    }

    public static String accountResource(String account, String region) {
        return "arn:aws:kms:" + region + ":" + account + ":*";
    }

    /** The stand-in policy of account-level actions (see the class comment). */
    public static PolicyDocument accountLevelPolicy(String account) {
        return ACCOUNT_LEVEL.computeIfAbsent(account, a -> PolicyParser.parse("{\n"
                + "  \"Version\": \"2012-10-17\",\n"
                + "  \"Statement\": [ {\n"
                + "    \"Sid\": \"" + ACCOUNT_LEVEL_SID + "\",\n"
                + "    \"Effect\": \"Allow\",\n"
                + "    \"Principal\": { \"AWS\": \"arn:aws:iam::" + a + ":root\" },\n"
                + "    \"Action\": \"kms:*\",\n"
                + "    \"Resource\": \"*\"\n"
                + "  } ]\n"
                + "}"));
    }
}
