package dev.kmslab.engine.policy;

/**
 * The key policy AWS KMS gives a key created without one: a single statement that gives the account root full access
 * to the key and so lets the account's IAM policies decide who else may use it.
 */
public final class DefaultKeyPolicy {

    public static final String ID = "key-default-1";
    public static final String SID = "Enable IAM User Permissions";

    private DefaultKeyPolicy() {
    }

    /** The default policy's JSON text for an account, laid out as GetKeyPolicy returns it. */
    public static String forAccount(String accountId) {
        PrincipalNames.requireAccountId(accountId);
        return "{\n"
                + "  \"Version\" : \"2012-10-17\",\n"
                + "  \"Id\" : \"" + ID + "\",\n"
                + "  \"Statement\" : [ {\n"
                + "    \"Sid\" : \"" + SID + "\",\n"
                + "    \"Effect\" : \"Allow\",\n"
                + "    \"Principal\" : {\n"
                + "      \"AWS\" : \"" + Principal.rootArn(accountId) + "\"\n"
                + "    },\n"
                + "    \"Action\" : \"kms:*\",\n"
                + "    \"Resource\" : \"*\"\n"
                + "  } ]\n"
                + "}";
    }

    /** The default policy, parsed. */
    public static PolicyDocument document(String accountId) {
        return PolicyParser.parse(forAccount(accountId));
    }
}
