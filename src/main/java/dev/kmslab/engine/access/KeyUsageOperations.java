package dev.kmslab.engine.access;

import dev.kmslab.engine.error.ValidationException;
import dev.kmslab.engine.model.KeyUsage;
import dev.kmslab.engine.policy.GrantOperation;
import dev.kmslab.engine.state.KeyRecord;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which grant operations make sense for a key's usage: a grant may only allow operations the key can perform
 * (no Sign or Verify on a symmetric encryption key, no Encrypt on an HMAC key). CreateGrant, RetireGrant and
 * DescribeKey fit every key.
 */
public final class KeyUsageOperations {

    private static final Set<GrantOperation> ANY_KEY = EnumSet.of(GrantOperation.CREATE_GRANT,
            GrantOperation.RETIRE_GRANT, GrantOperation.DESCRIBE_KEY);
    private static final Set<GrantOperation> SYMMETRIC_ENCRYPTION = EnumSet.of(GrantOperation.ENCRYPT,
            GrantOperation.DECRYPT, GrantOperation.GENERATE_DATA_KEY,
            GrantOperation.GENERATE_DATA_KEY_WITHOUT_PLAINTEXT, GrantOperation.GENERATE_DATA_KEY_PAIR,
            GrantOperation.GENERATE_DATA_KEY_PAIR_WITHOUT_PLAINTEXT, GrantOperation.RE_ENCRYPT_FROM,
            GrantOperation.RE_ENCRYPT_TO);
    private static final Set<GrantOperation> ASYMMETRIC_ENCRYPTION = EnumSet.of(GrantOperation.ENCRYPT,
            GrantOperation.DECRYPT, GrantOperation.RE_ENCRYPT_FROM, GrantOperation.RE_ENCRYPT_TO,
            GrantOperation.GET_PUBLIC_KEY);
    private static final Set<GrantOperation> SIGNING = EnumSet.of(GrantOperation.SIGN, GrantOperation.VERIFY,
            GrantOperation.GET_PUBLIC_KEY);
    private static final Set<GrantOperation> MAC = EnumSet.of(GrantOperation.GENERATE_MAC, GrantOperation.VERIFY_MAC);
    private static final Set<GrantOperation> AGREEMENT = EnumSet.of(GrantOperation.DERIVE_SHARED_SECRET,
            GrantOperation.GET_PUBLIC_KEY);

    private KeyUsageOperations() {
    }

    /** @throws ValidationException naming the operations the key cannot perform */
    public static void check(KeyRecord key, Set<GrantOperation> operations) {
        Set<GrantOperation> allowed = allowed(key);
        Set<GrantOperation> invalid = EnumSet.noneOf(GrantOperation.class);
        for (GrantOperation op : operations) {
            if (!allowed.contains(op)) {
                invalid.add(op);
            }
        }
        if (!invalid.isEmpty()) {
            StringBuilder names = new StringBuilder();
            invalid.forEach(op -> names.append(names.length() == 0 ? "" : ", ").append(op.apiName()));
            throw new ValidationException("Grant operations " + names + " are not valid for a KMS key with KeyUsage "
                    + key.keyUsage() + " and KeySpec " + key.keySpec() + ".");
        }
    }

    public static Set<GrantOperation> allowed(KeyRecord key) {
        Set<GrantOperation> ops = EnumSet.copyOf(ANY_KEY);
        KeyUsage usage = key.keyUsage();
        if (usage == KeyUsage.ENCRYPT_DECRYPT) {
            ops.addAll(key.keySpec().name().startsWith("SYMMETRIC") ? SYMMETRIC_ENCRYPTION : ASYMMETRIC_ENCRYPTION);
        } else if (usage == KeyUsage.SIGN_VERIFY) {
            ops.addAll(SIGNING);
        } else if (usage == KeyUsage.GENERATE_VERIFY_MAC) {
            ops.addAll(MAC);
        } else if (usage == KeyUsage.KEY_AGREEMENT) {
            ops.addAll(AGREEMENT);
        }
        return ops;
    }
}
