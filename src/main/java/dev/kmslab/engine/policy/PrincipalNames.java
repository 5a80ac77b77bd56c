package dev.kmslab.engine.policy;

/**
 * The spelling rules of principal names (account ids, IAM paths, user, role and session names, service names),
 * apart from the principal types so that they and the parser ({@link Principals}) both use it without a cycle.
 */
final class PrincipalNames {

    private PrincipalNames() {
    }

    static boolean isAccountId(String text) {
        if (text == null || text.length() != 12) {
            return false;
        }
        for (int i = 0; i < 12; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    static boolean isServiceName(String text) {
        if (!(text.endsWith(".amazonaws.com") || text.endsWith(".amazonaws.com.cn"))) {
            return false;
        }
        int dot = text.indexOf(".amazonaws.com");
        if (dot == 0) {
            return false;
        }
        for (int i = 0; i < dot; i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static void requireAccountId(String accountId) {
        if (!isAccountId(accountId)) {
            throw new IllegalArgumentException("an account id is 12 digits, not \"" + accountId + "\"");
        }
    }

    static String checkPath(String path) {
        String p = path == null || path.isEmpty() ? "/" : path;
        if (!p.startsWith("/") || !p.endsWith("/")) {
            throw new IllegalArgumentException("an IAM path starts and ends with /, not \"" + path + "\"");
        }
        return p;
    }

    /** IAM user, role and session names: letters, digits and {@code +=,.@_-}, 1 to 64 characters. */
    static void requireName(String name, String what) {
        if (name == null || name.isEmpty() || name.length() > 64) {
            throw new IllegalArgumentException("a " + what + " name has 1 to 64 characters");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = Character.isLetterOrDigit(c) && c < 128 || "+=,.@_-".indexOf(c) >= 0;
            if (!ok) {
                throw new IllegalArgumentException(
                        "a " + what + " name may not contain '" + c + "': \"" + name + "\"");
            }
        }
    }
}
