package dev.kmslab.engine;

import dev.kmslab.engine.error.ValidationException;
import java.util.List;
import java.util.Optional;

/**
 * Who is calling: the principal ARN, the AWS service the call came through (kms:ViaService), and grant tokens
 * (at most 10, as AWS allows).
 */
public record CallerContext(String principalArn, Optional<String> viaService, List<String> grantTokens) {

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

    /** The account root user, {@code arn:aws:iam::<account>:root}. */
    public static CallerContext root(String account) {
        return new CallerContext("arn:aws:iam::" + account + ":root", Optional.empty(), List.of());
    }

    public static CallerContext of(String principalArn) {
        return new CallerContext(principalArn, Optional.empty(), List.of());
    }
}
