package dev.kmslab.engine.model;

/** ListKeys; limit 1–1000 (default 100), marker from a previous page. */
public record ListKeysRequest(Integer limit, String marker) {

    public static ListKeysRequest firstPage() {
        return new ListKeysRequest(null, null);
    }
}
