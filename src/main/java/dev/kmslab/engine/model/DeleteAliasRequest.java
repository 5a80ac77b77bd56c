package dev.kmslab.engine.model;

/** DeleteAlias. */
public record DeleteAliasRequest(String aliasName) {
}
