package dev.kmslab.engine.authz;

/**
 * Allows the account root user everything and denies everyone else, like a key whose policy is the default policy
 * when no IAM policies exist.
 */
public final class AccountRootAuthorizer implements Authorizer {

    @Override
    public AuthorizationDecision authorize(AuthorizationRequest request) {
        String principal = request.caller().principalArn();
        if (isRoot(principal, request.account())) {
            return AuthorizationDecision.allow("Allowed: the account root user may perform every action.");
        }
        return AuthorizationDecision.deny("User: " + principal + " is not authorized to perform: " + request.action()
                + " on resource: " + request.resourceArn() + " because no resource-based policy allows the "
                + request.action() + " action");
    }

    /** {@code arn:aws:iam::<account>:root}, tested without building a string on every call. */
    private static boolean isRoot(String principal, String account) {
        String prefix = "arn:aws:iam::";
        String suffix = ":root";
        return principal.length() == prefix.length() + account.length() + suffix.length()
                && principal.startsWith(prefix) && principal.startsWith(account, prefix.length())
                && principal.endsWith(suffix);
    }
}
