package dev.kmslab.engine;

/**
 * Allows the account root user everything and denies everyone else, like a key whose policy is the default policy
 * when no IAM policies exist.
 */
public final class AccountRootAuthorizer implements Authorizer {

    @Override
    public AuthorizationDecision authorize(AuthorizationRequest request) {
        String principal = request.caller().principalArn();
        if (principal.equals("arn:aws:iam::" + request.account() + ":root")) {
            return AuthorizationDecision.allow("Allowed: the account root user may perform every action.");
        }
        return AuthorizationDecision.deny("User: " + principal + " is not authorized to perform: " + request.action()
                + " on resource: " + request.resourceArn() + " because no resource-based policy allows the "
                + request.action() + " action");
    }
}
