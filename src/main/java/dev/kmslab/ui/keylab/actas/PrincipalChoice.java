package dev.kmslab.ui.keylab.actas;

/**
 * A principal the lab can act as: its ARN, a short label for a chooser and one line on what it stands for.
 *
 * @param kind "root", "user" or "role"
 */
public record PrincipalChoice(String arn, String kind, String account, String label, String description) {

    /** The account id in an IAM ARN ({@code arn:aws:iam::<account>:...}), or "" when it has none. */
    public static String accountOf(String arn) {
        String[] parts = arn == null ? new String[0] : arn.split(":", 6);
        return parts.length >= 5 ? parts[4] : "";
    }

    @Override
    public String toString() {
        return label;
    }
}
