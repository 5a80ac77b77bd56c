package dev.kmslab.engine.policy;

import java.util.Optional;

/** Parses principal ARNs and holds the shared validation rules of the principal records. */
public final class Principals {

    private Principals() {
    }

    /**
     * Parses an ARN (or a bare 12-digit account id, which AWS reads as the account root) into a principal.
     *
     * @throws IllegalArgumentException with the reason when the text is not a principal ARN this lab models
     */
    public static Principal parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("a principal ARN must not be empty");
        }
        if (isAccountId(text)) {
            return new AccountRoot(text);
        }
        if ("*".equals(text)) {
            return AnonymousPrincipal.INSTANCE;
        }
        if (isServiceName(text)) {
            return new ServicePrincipal(text);
        }
        String[] parts = text.split(":", 6);
        if (parts.length != 6 || !"arn".equals(parts[0]) || !parts[1].startsWith("aws") || !parts[3].isEmpty()) {
            throw new IllegalArgumentException("\"" + text + "\" is not an ARN of the form arn:aws:iam::<account>:...");
        }
        if (!"iam".equals(parts[2]) && !"sts".equals(parts[2])) {
            throw new IllegalArgumentException(
                    "\"" + text + "\" names service \"" + parts[2] + "\"; a principal ARN is iam or sts");
        }
        String account = parts[4];
        if (!isAccountId(account)) {
            throw new IllegalArgumentException("\"" + account + "\" in \"" + text + "\" is not a 12-digit account id");
        }
        return "iam".equals(parts[2]) ? parseIam(text, account, parts[5]) : parseSts(text, account, parts[5]);
    }

    /** Like {@link #parse} but empty instead of an exception. */
    public static Optional<Principal> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Principal parseIam(String text, String account, String resource) {
        if ("root".equals(resource)) {
            return new AccountRoot(account);
        }
        int slash = resource.indexOf('/');
        int last = resource.lastIndexOf('/');
        if (slash < 0 || last == resource.length() - 1) {
            throw new IllegalArgumentException("\"" + text + "\" must end in root, user/<name> or role/<name>");
        }
        String type = resource.substring(0, slash);
        String path = resource.substring(slash, last + 1);
        String name = resource.substring(last + 1);
        return switch (type) {
            case "user" -> new IamUser(account, path, name);
            case "role" -> new IamRole(account, path, name);
            default -> throw new IllegalArgumentException(
                    "\"" + text + "\" has resource type \"" + type + "\"; expected user or role");
        };
    }

    private static Principal parseSts(String text, String account, String resource) {
        String[] parts = resource.split("/", -1);
        if (parts.length != 3 || !"assumed-role".equals(parts[0]) || parts[1].isEmpty() || parts[2].isEmpty()) {
            throw new IllegalArgumentException(
                    "\"" + text + "\" must be arn:aws:sts::<account>:assumed-role/<role>/<session>");
        }
        return new AssumedRoleSession(new IamRole(account, parts[1]), parts[2]);
    }

    public static boolean isAccountId(String text) {
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

    /** A service principal name such as {@code s3.amazonaws.com} (or the {@code .amazonaws.com.cn} form). */
    public static boolean isServiceName(String text) {
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
