package dev.kmslab.engine.model;

/** ListResourceTags; limit 1–50, default 50. */
public record ListResourceTagsRequest(String keyId, Integer limit, String marker) {
}
