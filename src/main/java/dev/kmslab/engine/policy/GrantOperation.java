package dev.kmslab.engine.policy;

/**
 * The operations a grant can allow. Encrypt, Decrypt, ReEncryptFrom/To and the GenerateDataKey family take an
 * encryption context, so only they are subject to a grant's encryption-context constraints.
 */
public enum GrantOperation {
    DECRYPT("Decrypt", true),
    ENCRYPT("Encrypt", true),
    GENERATE_DATA_KEY("GenerateDataKey", true),
    GENERATE_DATA_KEY_WITHOUT_PLAINTEXT("GenerateDataKeyWithoutPlaintext", true),
    GENERATE_DATA_KEY_PAIR("GenerateDataKeyPair", true),
    GENERATE_DATA_KEY_PAIR_WITHOUT_PLAINTEXT("GenerateDataKeyPairWithoutPlaintext", true),
    RE_ENCRYPT_FROM("ReEncryptFrom", true),
    RE_ENCRYPT_TO("ReEncryptTo", true),
    SIGN("Sign", false),
    VERIFY("Verify", false),
    GET_PUBLIC_KEY("GetPublicKey", false),
    CREATE_GRANT("CreateGrant", false),
    RETIRE_GRANT("RetireGrant", false),
    DESCRIBE_KEY("DescribeKey", false),
    GENERATE_MAC("GenerateMac", false),
    VERIFY_MAC("VerifyMac", false),
    DERIVE_SHARED_SECRET("DeriveSharedSecret", false);

    private final String apiName;
    private final boolean takesEncryptionContext;

    GrantOperation(String apiName, boolean takesEncryptionContext) {
        this.apiName = apiName;
        this.takesEncryptionContext = takesEncryptionContext;
    }

    /** The name used in CreateGrant's Operations list, e.g. {@code GenerateDataKey}. */
    public String apiName() {
        return apiName;
    }

    /** The IAM action the operation stands for, e.g. {@code kms:GenerateDataKey}. */
    public String action() {
        return "kms:" + apiName;
    }

    public boolean takesEncryptionContext() {
        return takesEncryptionContext;
    }

    /** The operation with this API name (exact spelling, as the API requires), or null. */
    public static GrantOperation byApiName(String name) {
        for (GrantOperation op : values()) {
            if (op.apiName.equals(name)) {
                return op;
            }
        }
        return null;
    }

    /** The grant operation for an IAM action such as {@code kms:Decrypt} (case-insensitive), or null. */
    public static GrantOperation forAction(String action) {
        int index = KmsActions.indexOf(action);
        return index < 0 ? null : BY_ACTION_INDEX[index];
    }

    private static final GrantOperation[] BY_ACTION_INDEX = new GrantOperation[KmsActions.ALL.size()];

    static {
        for (GrantOperation op : values()) {
            BY_ACTION_INDEX[KmsActions.indexOf(op.action())] = op;
        }
    }
}
