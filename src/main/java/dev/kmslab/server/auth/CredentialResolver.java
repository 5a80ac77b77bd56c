package dev.kmslab.server.auth;

import java.util.Optional;

/**
 * Finds the credential behind an access key id. The server asks this on every request, so the mapping from access
 * keys to IAM users and roles can live wherever the app keeps them.
 */
@FunctionalInterface
public interface CredentialResolver {

    Optional<Credential> find(String accessKeyId);
}
