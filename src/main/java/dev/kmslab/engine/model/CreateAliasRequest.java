package dev.kmslab.engine.model;

/** CreateAlias; targetKeyId is a key id or key ARN. */
public record CreateAliasRequest(String aliasName, String targetKeyId) {
}
