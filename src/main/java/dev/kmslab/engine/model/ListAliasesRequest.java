package dev.kmslab.engine.model;

/** ListAliases; keyId (key id or key ARN) optional to list one key's aliases; limit 1–100, default 50. */
public record ListAliasesRequest(String keyId, Integer limit, String marker) {

    public static ListAliasesRequest all() {
        return new ListAliasesRequest(null, null, null);
    }
}
