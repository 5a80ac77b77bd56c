package dev.kmslab.engine.crypto.pkcs11;

import java.util.Optional;

/**
 * Reads PKCS#11 return value names out of SunPKCS11 exceptions. The provider wraps the module's error in a
 * {@code sun.security.pkcs11.wrapper.PKCS11Exception} whose message is the {@code CKR_*} name; that class is not
 * exported from its module, so the name is read from the message rather than from a typed field.
 */
final class ReturnValues {

    private ReturnValues() {
    }

    /** The first {@code CKR_*} name in the cause chain, e.g. {@code CKR_PIN_INCORRECT}. */
    static Optional<String> find(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && message.startsWith("CKR_")) {
                int end = 0;
                while (end < message.length() && isNameChar(message.charAt(end))) {
                    end++;
                }
                return Optional.of(message.substring(0, end));
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }

    private static boolean isNameChar(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }
}
