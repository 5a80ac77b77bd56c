package dev.kmslab.engine;

/**
 * The single authorization point every engine operation passes through before acting. The default lets only the
 * account root act; the key-policy engine provides a real evaluation.
 */
public interface Authorizer {

    AuthorizationDecision authorize(AuthorizationRequest request);
}
