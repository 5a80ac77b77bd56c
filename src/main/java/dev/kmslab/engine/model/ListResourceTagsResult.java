package dev.kmslab.engine.model;

import java.util.List;

/** ListResourceTags page. */
public record ListResourceTagsResult(List<Tag> tags, String nextMarker, boolean truncated) {
}
