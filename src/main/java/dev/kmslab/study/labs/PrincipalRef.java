package dev.kmslab.study.labs;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The short principal names labs use, resolved against the sandbox's account: {@code root}, {@code role/Name},
 * {@code user/Name}, {@code 444455556666:root}, {@code 444455556666:role/Name}, a service principal such as
 * {@code s3.amazonaws.com}, or a full ARN.
 */
public final class PrincipalRef {

    private static final Pattern SHORT = Pattern.compile(
            "^(?:(\\d{12}):)?(root|(role|user)/([A-Za-z0-9+=,.@_-]{1,64}))$");
    private static final Pattern SERVICE = Pattern.compile("^[a-z0-9-]+(\\.[a-z0-9-]+)*\\.amazonaws\\.com$");
    private static final Pattern ARN = Pattern.compile("^arn:aws:(iam|sts)::\\d{12}:.+$");

    private PrincipalRef() {
    }

    public static boolean valid(String ref) {
        return SHORT.matcher(ref).matches() || SERVICE.matcher(ref).matches() || ARN.matcher(ref).matches();
    }

    /** A role or user written in short form (what the lab can create). */
    public static boolean isIamIdentity(String ref) {
        Matcher m = SHORT.matcher(ref);
        return m.matches() && m.group(3) != null;
    }

    /** The ARN for a reference, in {@code account} unless it names its own; services are returned as they are. */
    public static String arn(String ref, String account) {
        Matcher m = SHORT.matcher(ref);
        if (!m.matches()) {
            return ref;
        }
        String acct = m.group(1) != null ? m.group(1) : account;
        return "arn:aws:iam::" + acct + ":" + m.group(2);
    }

    /** The account of a short reference ({@code account} when it names none). */
    public static String account(String ref, String account) {
        Matcher m = SHORT.matcher(ref);
        return m.matches() && m.group(1) != null ? m.group(1) : account;
    }

    /** {@code role} or {@code user} for a short role/user reference. */
    static String type(String ref) {
        Matcher m = SHORT.matcher(ref);
        return m.matches() ? m.group(3) : null;
    }

    /** The role or user name of a short reference. */
    static String name(String ref) {
        Matcher m = SHORT.matcher(ref);
        return m.matches() ? m.group(4) : null;
    }
}
