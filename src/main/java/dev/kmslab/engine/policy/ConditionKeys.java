package dev.kmslab.engine.policy;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The condition keys KMS Lab supplies or expects, in their documented spelling. Condition key names are
 * case-insensitive, so both sides are compared in lower case; this table lower-cases the documented spellings without
 * allocating, which matters because the engine passes some of them on every request.
 */
public final class ConditionKeys {

    public static final String ENCRYPTION_CONTEXT_PREFIX = "kms:EncryptionContext:";
    public static final String ENCRYPTION_CONTEXT_KEYS = "kms:EncryptionContextKeys";
    public static final String VIA_SERVICE = "kms:ViaService";
    public static final String CALLER_ACCOUNT = "kms:CallerAccount";
    public static final String GRANT_IS_FOR_AWS_RESOURCE = "kms:GrantIsForAWSResource";
    public static final String GRANT_OPERATIONS = "kms:GrantOperations";
    public static final String KEY_SPEC = "kms:KeySpec";
    public static final String KEY_USAGE = "kms:KeyUsage";
    public static final String KEY_ORIGIN = "kms:KeyOrigin";
    public static final String MULTI_REGION = "kms:MultiRegion";
    public static final String REQUEST_ALIAS = "kms:RequestAlias";
    public static final String RESOURCE_ALIASES = "kms:ResourceAliases";
    public static final String ENCRYPTION_ALGORITHM = "kms:EncryptionAlgorithm";
    public static final String PENDING_WINDOW_IN_DAYS = "kms:ScheduleKeyDeletionPendingWindowInDays";
    public static final String BYPASS_LOCKOUT_CHECK = "kms:BypassPolicyLockoutSafetyCheck";
    public static final String PRINCIPAL_ARN = "aws:PrincipalArn";
    public static final String PRINCIPAL_ACCOUNT = "aws:PrincipalAccount";
    public static final String CURRENT_TIME = "aws:CurrentTime";
    public static final String USER_ID = "aws:userid";

    static final String LOWER_CONTEXT_PREFIX = ENCRYPTION_CONTEXT_PREFIX.toLowerCase(Locale.ROOT);

    private static final Map<String, String> LOWER = new HashMap<>();

    static {
        for (String key : List.of(ENCRYPTION_CONTEXT_KEYS, VIA_SERVICE, CALLER_ACCOUNT, GRANT_IS_FOR_AWS_RESOURCE,
                GRANT_OPERATIONS, KEY_SPEC, KEY_USAGE, KEY_ORIGIN, MULTI_REGION, REQUEST_ALIAS, RESOURCE_ALIASES,
                ENCRYPTION_ALGORITHM, PENDING_WINDOW_IN_DAYS, BYPASS_LOCKOUT_CHECK, PRINCIPAL_ARN, PRINCIPAL_ACCOUNT,
                CURRENT_TIME, USER_ID)) {
            LOWER.put(key, key.toLowerCase(Locale.ROOT));
        }
    }

    private ConditionKeys() {
    }

    /** The lower-case form of a condition key name. */
    public static String lower(String key) {
        String known = LOWER.get(key);
        return known != null ? known : key.toLowerCase(Locale.ROOT);
    }
}
