package dev.kmslab.engine.core;

import dev.kmslab.engine.error.DryRunOperationException;
import dev.kmslab.engine.error.ValidationException;
import dev.kmslab.engine.model.DecryptResult;
import dev.kmslab.engine.model.DeriveSharedSecretResult;
import dev.kmslab.engine.model.GenerateDataKeyPairResult;
import dev.kmslab.engine.model.GenerateDataKeyResult;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code DryRun} parameter: the call goes through every check the real one makes (validation, key resolution,
 * authorization, the key-state table, and for the cryptographic operations the cryptography itself, so that a
 * ciphertext that would not decrypt fails as it would), and then nothing is done: a cryptographic result is wiped
 * and dropped, and the grant operations stop before changing state ({@link Call#dryRun()}). Success is reported as
 * DryRunOperationException, a failure as the error the real call would give. The audit record carries
 * {@code "dryRun": true} in its request parameters, as CloudTrail records the member.
 */
final class DryRuns {

    static final String SUCCEEDED = "The request would have succeeded, but the DryRun parameter was set.";

    private DryRuns() {
    }

    /** Runs the operation as a dry run; always throws. */
    static <T> void run(Call call, Function<Call, T> body) {
        if (!call.operation.supportsDryRun()) {
            throw new ValidationException(call.operation.name() + " has no DryRun parameter. AWS KMS accepts DryRun "
                    + "on CreateGrant, Decrypt, DeriveSharedSecret, Encrypt, GenerateDataKey, GenerateDataKeyPair, "
                    + "GenerateDataKeyPairWithoutPlaintext, GenerateDataKeyWithoutPlaintext, GenerateMac, "
                    + "ReEncrypt, RetireGrant, RevokeGrant, Sign, Verify and VerifyMac.");
        }
        wipe(body.apply(call));
        throw new DryRunOperationException(SUCCEEDED);
    }

    static Map<String, Object> auditParams(Map<String, Object> params) {
        Map<String, Object> withFlag = new LinkedHashMap<>(params == null ? Map.of() : params);
        withFlag.put("dryRun", Boolean.TRUE);
        return Collections.unmodifiableMap(withFlag);
    }

    /** A dry run's result is never returned: secret bytes in it are destroyed at once. */
    private static void wipe(Object result) {
        if (result instanceof DecryptResult r) {
            r.destroyPlaintext();
        } else if (result instanceof GenerateDataKeyResult r) {
            r.destroyPlaintext();
        } else if (result instanceof GenerateDataKeyPairResult r) {
            r.destroyPlaintext();
        } else if (result instanceof DeriveSharedSecretResult r) {
            r.destroySharedSecret();
        }
    }
}
