package dev.kmslab.engine.authz;

import dev.kmslab.engine.CallerContext;
import java.util.Map;

/**
 * One question to the authorizer: may {@code caller} perform {@code action} (e.g. {@code kms:Encrypt}) on
 * {@code key}? {@code key} is null for account-level actions (CreateKey, ListKeys, ListAliases, GenerateRandom,
 * ListRetirableGrants). {@code conditionValues} carries request-derived condition keys such as
 * {@code kms:ScheduleKeyDeletionPendingWindowInDays} or {@code kms:RequestAlias}. {@code policyInputs} carries the
 * keystore snapshot and time for authorizers that evaluate policies; it is null when a caller builds a request
 * without them (an authorizer that needs them must then deny).
 */
public record AuthorizationRequest(CallerContext caller, String action, KeyDescriptor key, String account,
                                   String region, Map<String, String> encryptionContext,
                                   Map<String, String> conditionValues, PolicyInputs policyInputs) {

    /** A request without policy inputs (the form used before key policies were enforced). */
    public AuthorizationRequest(CallerContext caller, String action, KeyDescriptor key, String account, String region,
                                Map<String, String> encryptionContext, Map<String, String> conditionValues) {
        this(caller, action, key, account, region, encryptionContext, conditionValues, null);
    }

    /** The resource ARN an AWS error message names: the key ARN, or the account-level KMS ARN. */
    public String resourceArn() {
        return key != null ? key.arn() : "arn:aws:kms:" + region + ":" + account + ":*";
    }
}
