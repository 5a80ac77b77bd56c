package dev.kmslab.engine;

import dev.kmslab.engine.error.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who is calling and how: the principal ARN, the AWS service the call came through (kms:ViaService), grant tokens
 * (at most 10, as AWS allows), whether the call is a dry run (the {@code DryRun} parameter: every check is made,
 * nothing is done, and success is reported as DryRunOperationException) and the access key id that signed the
 * request (null for calls made in the app; the audit event's {@code userIdentity.accessKeyId}, never a secret).
 */
public record CallerContext(String principalArn, Optional<String> viaService, List<String> grantTokens,
                            boolean dryRun, String accessKeyId) {

    public CallerContext {
        if (principalArn == null || principalArn.isBlank()) {
            throw new IllegalArgumentException("principalArn is required");
        }
        viaService = viaService == null ? Optional.empty() : viaService;
        grantTokens = grantTokens == null ? List.of() : List.copyOf(grantTokens);
        if (grantTokens.size() > 10) {
            throw new ValidationException("1 validation error detected: Value at 'grantTokens' failed to satisfy "
                    + "constraint: Member must have length less than or equal to 10");
        }
    }

    /** A caller without an access key (calls made in the app). */
    public CallerContext(String principalArn, Optional<String> viaService, List<String> grantTokens,
                         boolean dryRun) {
        this(principalArn, viaService, grantTokens, dryRun, null);
    }

    /** A caller making real calls (not dry runs). */
    public CallerContext(String principalArn, Optional<String> viaService, List<String> grantTokens) {
        this(principalArn, viaService, grantTokens, false);
    }

    /** The account root user, {@code arn:aws:iam::<account>:root}. */
    public static CallerContext root(String account) {
        return new CallerContext("arn:aws:iam::" + account + ":root", Optional.empty(), List.of());
    }

    public static CallerContext of(String principalArn) {
        return new CallerContext(principalArn, Optional.empty(), List.of());
    }

    /**
     * The same caller asking only whether a call would succeed. Only the operations AWS gives a DryRun parameter
     * accept it ({@link KmsOperation#supportsDryRun()}); the others refuse it with a ValidationException.
     */
    public CallerContext asDryRun() {
        return dryRun ? this : new CallerContext(principalArn, viaService, grantTokens, true, accessKeyId);
    }

    /** The same caller with further grant tokens (at most 10 in all). */
    public CallerContext withMoreGrantTokens(List<String> more) {
        if (more == null || more.isEmpty()) {
            return this;
        }
        List<String> all = new ArrayList<>(grantTokens);
        all.addAll(more);
        return new CallerContext(principalArn, viaService, all, dryRun, accessKeyId);
    }

    /** The same caller, known by the access key id that signed its request (what the audit event records). */
    public CallerContext withAccessKeyId(String keyId) {
        return java.util.Objects.equals(keyId, accessKeyId) ? this
                : new CallerContext(principalArn, viaService, grantTokens, dryRun, keyId);
    }
}
