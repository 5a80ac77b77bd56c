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
        return PrincipalNames.isAccountId(text);
    }

    /** A service principal name such as {@code s3.amazonaws.com} (or the {@code .amazonaws.com.cn} form). */
    public static boolean isServiceName(String text) {
        return PrincipalNames.isServiceName(text);
    }
}
