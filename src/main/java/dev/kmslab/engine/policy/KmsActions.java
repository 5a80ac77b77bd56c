package dev.kmslab.engine.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The IAM actions of AWS KMS, one per API operation, except that ReEncrypt is authorised as two actions,
 * {@code kms:ReEncryptFrom} (on the source key) and {@code kms:ReEncryptTo} (on the destination key), as in AWS.
 * There are fewer than 64, so a set of actions is a bit mask.
 */
public final class KmsActions {

    private static final List<String> OPERATIONS = List.of(
            "CancelKeyDeletion", "ConnectCustomKeyStore", "CreateAlias", "CreateCustomKeyStore", "CreateGrant",
            "CreateKey", "Decrypt", "DeleteAlias", "DeleteCustomKeyStore", "DeleteImportedKeyMaterial",
            "DeriveSharedSecret", "DescribeCustomKeyStores", "DescribeKey", "DisableKey", "DisableKeyRotation",
            "DisconnectCustomKeyStore", "EnableKey", "EnableKeyRotation", "Encrypt", "GenerateDataKey",
            "GenerateDataKeyPair", "GenerateDataKeyPairWithoutPlaintext", "GenerateDataKeyWithoutPlaintext",
            "GenerateMac", "GenerateRandom", "GetKeyLastUsage", "GetKeyPolicy", "GetKeyRotationStatus",
            "GetParametersForImport", "GetPublicKey", "ImportKeyMaterial", "ListAliases", "ListGrants",
            "ListKeyPolicies", "ListKeyRotations", "ListKeys", "ListResourceTags", "ListRetirableGrants",
            "PutKeyPolicy", "ReEncryptFrom", "ReEncryptTo", "ReplicateKey", "RetireGrant", "RevokeGrant",
            "RotateKeyOnDemand", "ScheduleKeyDeletion", "Sign", "TagResource", "UntagResource", "UpdateAlias",
            "UpdateCustomKeyStore", "UpdateKeyDescription", "UpdatePrimaryRegion", "Verify", "VerifyMac");

    /** Every action, {@code kms:<Operation>}, in a fixed order that defines the bit of each action. */
    public static final List<String> ALL;
    private static final Map<String, Integer> INDEX_BY_LOWER_NAME;
    private static final Map<String, Integer> INDEX_BY_NAME;

    static {
        List<String> all = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> exact = new HashMap<>();
        for (String op : OPERATIONS) {
            index.put(("kms:" + op).toLowerCase(Locale.ROOT), all.size());
            exact.put("kms:" + op, all.size());
            all.add("kms:" + op);
        }
        INDEX_BY_NAME = Collections.unmodifiableMap(exact);
        ALL = Collections.unmodifiableList(all);
        INDEX_BY_LOWER_NAME = Collections.unmodifiableMap(index);
        if (ALL.size() > 63) {
            throw new IllegalStateException("action masks need more than 63 bits");
        }
    }

    private KmsActions() {
    }

    /** The bit index of an action such as {@code kms:Decrypt} (case-insensitive), or -1 if unknown. */
    public static int indexOf(String action) {
        Integer i = INDEX_BY_NAME.get(action);
        if (i != null) {
            return i;
        }
        i = INDEX_BY_LOWER_NAME.get(action.toLowerCase(Locale.ROOT));
        return i == null ? -1 : i;
    }

    /** The canonical spelling of a known action, e.g. {@code kms:decrypt} gives {@code kms:Decrypt}. */
    public static String canonical(String action) {
        int i = indexOf(action);
        if (i < 0) {
            throw new IllegalArgumentException("unknown KMS action: " + action);
        }
        return ALL.get(i);
    }

    /**
     * The mask of actions an Action pattern matches ({@code *}, {@code kms:*}, {@code kms:Get*},
     * {@code kms:*Grant*}, {@code kms:Decrypt}); IAM action names are case-insensitive. Zero when nothing matches.
     */
    public static long maskOf(String pattern) {
        Glob glob = Glob.of(pattern, true);
        long mask = 0;
        for (int i = 0; i < ALL.size(); i++) {
            if (glob.matches(ALL.get(i))) {
                mask |= 1L << i;
            }
        }
        return mask;
    }

    /** The actions in a mask, in list order. */
    public static List<String> namesOf(long mask) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < ALL.size(); i++) {
            if ((mask & (1L << i)) != 0) {
                names.add(ALL.get(i));
            }
        }
        return names;
    }
}
