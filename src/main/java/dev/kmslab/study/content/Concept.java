package dev.kmslab.study.content;

import java.util.List;

/** A concept page: its Markdown lives in {@code content/concepts/<file>}. */
public record Concept(String id, String title, String file, String summary, List<String> topics) {

    public Concept {
        topics = List.copyOf(topics);
    }
}
