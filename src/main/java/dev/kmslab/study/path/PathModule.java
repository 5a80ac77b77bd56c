package dev.kmslab.study.path;

import java.util.Objects;
import java.util.Optional;

/**
 * One module of a learning path: read a concept page, watch a flow, do a lab, then answer quiz questions on a topic.
 *
 * @param concept concept page id ({@code content/concepts/index.json})
 * @param flow    flow id from the flow catalogue; empty when no flow shows this idea
 * @param lab     lab id; empty means "the first lab that names this concept and track", so new labs join paths
 *                without editing {@code paths.json}
 * @param topic   quiz topic id ({@code content/tracks.json})
 */
public record PathModule(String concept, Optional<String> flow, Optional<String> lab, String topic) {

    public PathModule {
        Objects.requireNonNull(concept, "concept");
        Objects.requireNonNull(topic, "topic");
        flow = flow == null ? Optional.empty() : flow;
        lab = lab == null ? Optional.empty() : lab;
    }
}
