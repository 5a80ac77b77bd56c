package dev.kmslab.server.auth;

import dev.kmslab.engine.CallerContext;
import java.util.List;
import java.util.Optional;

/**
 * Turns an authenticated principal (and the grant tokens of the request) into the engine's caller. The default
 * passes the principal ARN through; a richer mapping (assumed-role sessions, kms:ViaService) plugs in here.
 */
@FunctionalInterface
public interface CallerMapper {

    CallerContext callerFor(Credential credential, List<String> grantTokens);

    static CallerMapper direct() {
        return (credential, grantTokens) -> new CallerContext(credential.principalArn(), Optional.empty(),
                grantTokens);
    }
}
