package dev.kmslab.engine.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything an authorisation decision depends on.
 *
 * @param action             the IAM action, e.g. {@code kms:Decrypt}
 * @param keyArn             the key's ARN (the Resource of the request)
 * @param keyAccount         the account that owns the key
 * @param keyPolicy          the key's policy
 * @param identityPolicies   the IAM policies of the caller (for a session, its role's)
 * @param grants             the grants on the key
 * @param conditionValues    request condition values by key, e.g. {@code kms:ViaService}; keys are case-insensitive.
 *                           The evaluator adds aws:PrincipalArn, aws:PrincipalAccount, kms:CallerAccount,
 *                           aws:CurrentTime and the encryption-context keys itself.
 * @param encryptionContext  the request's encryption context (empty when none)
 * @param now                engine time, for grant propagation and aws:CurrentTime
 * @param grantTokens        grant tokens presented with the request
 */
public record EvaluationRequest(Principal principal, String action, String keyArn, String keyAccount,
                                PolicyDocument keyPolicy, List<AttachedPolicy> identityPolicies, List<Grant> grants,
                                Map<String, List<String>> conditionValues, Map<String, String> encryptionContext,
                                Instant now, Set<String> grantTokens) {

    public EvaluationRequest {
        if (principal == null || action == null || keyArn == null || keyAccount == null || keyPolicy == null
                || now == null) {
            throw new IllegalArgumentException("a request needs principal, action, key ARN, key account, "
                    + "key policy and time");
        }
        if (keyPolicy.kind() != PolicyKind.KEY_POLICY) {
            throw new IllegalArgumentException("the key policy must be parsed as a key policy");
        }
        identityPolicies = identityPolicies == null ? List.of() : List.copyOf(identityPolicies);
        grants = grants == null ? List.of() : List.copyOf(grants);
        conditionValues = conditionValues == null ? Map.of() : Map.copyOf(conditionValues);
        encryptionContext = encryptionContext == null ? Map.of() : Map.copyOf(encryptionContext);
        grantTokens = grantTokens == null ? Set.of() : Set.copyOf(grantTokens);
    }

    public static Builder builder(Principal principal, String action, String keyArn, String keyAccount,
                                  PolicyDocument keyPolicy) {
        return new Builder(principal, action, keyArn, keyAccount, keyPolicy);
    }

    /** Collects the optional parts of a request. */
    public static final class Builder {
        private final Principal principal;
        private final String action;
        private final String keyArn;
        private final String keyAccount;
        private final PolicyDocument keyPolicy;
        private final List<AttachedPolicy> identityPolicies = new ArrayList<>();
        private final List<Grant> grants = new ArrayList<>();
        private final Map<String, List<String>> conditionValues = new HashMap<>();
        private Map<String, String> encryptionContext = new LinkedHashMap<>();
        private Instant now = Instant.EPOCH;
        private Set<String> grantTokens = Set.of();

        private Builder(Principal principal, String action, String keyArn, String keyAccount,
                        PolicyDocument keyPolicy) {
            this.principal = principal;
            this.action = action;
            this.keyArn = keyArn;
            this.keyAccount = keyAccount;
            this.keyPolicy = keyPolicy;
        }

        public Builder identityPolicies(List<AttachedPolicy> policies) {
            identityPolicies.addAll(policies);
            return this;
        }

        public Builder grants(List<Grant> list) {
            grants.addAll(list);
            return this;
        }

        /** Adds request values for a condition key, e.g. {@code condition("kms:ViaService", "s3...")}. */
        public Builder condition(String key, String... values) {
            conditionValues.put(key, List.of(values));
            return this;
        }

        public Builder encryptionContext(Map<String, String> context) {
            encryptionContext = new LinkedHashMap<>(context);
            return this;
        }

        public Builder now(Instant time) {
            now = time;
            return this;
        }

        public Builder grantTokens(Set<String> tokens) {
            grantTokens = tokens;
            return this;
        }

        public EvaluationRequest build() {
            return new EvaluationRequest(principal, action, keyArn, keyAccount, keyPolicy, identityPolicies,
                    grants, conditionValues, encryptionContext, now, grantTokens);
        }
    }
}
