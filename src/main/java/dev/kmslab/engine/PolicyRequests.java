package dev.kmslab.engine;

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
final class PolicyRequests {

    /** Sid of the stand-in statement, shown in explanations of account-level decisions. */
    static final String ACCOUNT_LEVEL_SID = "Account-level action: the account's IAM policies decide";

    private static final Map<String, PolicyDocument> ACCOUNT_LEVEL = new ConcurrentHashMap<>();

    private PolicyRequests() {
    }

    /**
     * @param key      the key, or null for an account-level action
     * @param identity the caller, already known to the directory
     */
    static EvaluationRequest build(AccessControl access, AccessControl.Identity identity, String action,
                                   KeyDescriptor key, String account, String region,
                                   Map<String, String> context, Map<String, String> conditions,
                                   Map<String, List<String>> multiValued, Optional<String> viaService,
                                   Set<String> grantTokens, Instant now) {
        Map<String, List<String>> values = new HashMap<>(16);
        conditions.forEach((k, v) -> values.put(k, List.of(v)));
        viaService.ifPresent(s -> values.put(ConditionKeys.VIA_SERVICE, List.of(s)));
        if (key == null) {
            values.putAll(multiValued);
            return new EvaluationRequest(identity.principal(), action, accountResource(account, region), account,
                    accountLevelPolicy(account), identity.identityPolicies(), List.of(), values, context, now,
                    grantTokens);
        }
        values.put(ConditionKeys.KEY_SPEC, List.of(key.keySpec().name()));
        values.put(ConditionKeys.KEY_USAGE, List.of(key.keyUsage().name()));
        values.put(ConditionKeys.KEY_ORIGIN, List.of(key.origin().name()));
        values.put(ConditionKeys.MULTI_REGION, List.of(Boolean.toString(key.multiRegion())));
        if (!key.aliases().isEmpty()) {
            values.put(ConditionKeys.RESOURCE_ALIASES, key.aliases());
        }
        values.putAll(multiValued); // last, so a simulation's own values override the derived ones
        return new EvaluationRequest(identity.principal(), action, key.arn(), key.account(),
                access.keyPolicy(key.keyId()), identity.identityPolicies(), access.grants(key.keyId()), values,
                context, now, grantTokens);
    }

    static String accountResource(String account, String region) {
        return "arn:aws:kms:" + region + ":" + account + ":*";
    }

    /** The stand-in policy of account-level actions (see the class comment). */
    static PolicyDocument accountLevelPolicy(String account) {
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
