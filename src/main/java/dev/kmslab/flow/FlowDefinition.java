package dev.kmslab.flow;

import java.util.Objects;

/**
 * A catalogue entry. {@code id} is fixed: quiz questions name it in their {@code lab} field. {@code ownKey} flows
 * change their key (rotate it, schedule its deletion, call it as another principal), so they always run on a scratch
 * key in a private engine and never touch the learner's keys.
 */
public record FlowDefinition(String id, String title, String summary, String category, boolean ownKey,
                             FlowScript script) {

    public FlowDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(script, "script");
    }
}
