package dev.kmslab.engine.model;

/** UpdateAlias; targetKeyId is a key id or key ARN. */
public record UpdateAliasRequest(String aliasName, String targetKeyId) {
}
