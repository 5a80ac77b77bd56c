package dev.kmslab.engine.authz;

import dev.kmslab.engine.error.InvalidGrantTokenException;
import java.util.List;
import java.util.Set;

/**
 * Checks the grant tokens a caller presents. The engine issues a token as 96 random bytes in unpadded URL-safe
 * base64 (128 characters, see {@code GrantRules.newGrantToken}); anything else cannot be one of its tokens, so it
 * is refused with InvalidGrantTokenException, as AWS refuses a token it cannot read.
 */
public final class GrantTokens {

    public static final int TOKEN_LENGTH = 128;

    private GrantTokens() {
    }

    /** The tokens as a set, after checking each one's form. */
    public static Set<String> validated(List<String> tokens) {
        if (tokens.isEmpty()) {
            return Set.of();
        }
        for (String token : tokens) {
            check(token);
        }
        return Set.copyOf(tokens);
    }

    public static void check(String token) {
        if (!wellFormed(token)) {
            throw new InvalidGrantTokenException("The request was rejected because the specified grant token is "
                    + "not valid.");
        }
    }

    public static boolean wellFormed(String token) {
        if (token == null || token.length() != TOKEN_LENGTH) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
