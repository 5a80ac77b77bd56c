package dev.kmslab.engine.authz;

/**
 * The single authorization point every engine operation passes through before acting. The default,
 * {@link PolicyAuthorizer}, evaluates key policies, IAM policies and grants; {@link AccountRootAuthorizer} lets only
 * the account root act (for tests that do not care about policies).
 */
public interface Authorizer {

    AuthorizationDecision authorize(AuthorizationRequest request);
}
