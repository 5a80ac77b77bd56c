package dev.kmslab.study.content;

import java.util.List;

/**
 * A concept page: its Markdown lives in {@code content/concepts/<file>}.
 *
 * @param topics quiz topic ids ({@code tracks.json}) the page prepares for: its "Test yourself" link
 * @param flows  flow ids ({@code dev.kmslab.flow.FlowCatalogue}) that show the page's idea at work: its "Watch" links
 */
public record Concept(String id, String title, String file, String summary, List<String> topics,
                      List<String> flows) {

    public Concept {
        topics = List.copyOf(topics);
        flows = List.copyOf(flows);
    }

    public Concept(String id, String title, String file, String summary, List<String> topics) {
        this(id, title, file, summary, topics, List.of());
    }
}
