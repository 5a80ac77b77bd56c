package dev.kmslab.engine;

import java.util.Map;

/**
 * One question to the authorizer: may {@code caller} perform {@code action} (e.g. {@code kms:Encrypt}) on
 * {@code key}? {@code key} is null for account-level actions (CreateKey, ListKeys, ListAliases, GenerateRandom).
 * {@code conditionValues} carries request-derived condition keys such as
 * {@code kms:ScheduleKeyDeletionPendingWindowInDays} or {@code kms:RequestAlias}.
 */
public record AuthorizationRequest(CallerContext caller, String action, KeyDescriptor key, String account,
                                   String region, Map<String, String> encryptionContext,
                                   Map<String, String> conditionValues) {

    /** The resource ARN an AWS error message names: the key ARN, or the account-level KMS ARN. */
    public String resourceArn() {
        return key != null ? key.arn() : "arn:aws:kms:" + region + ":" + account + ":*";
    }
}
