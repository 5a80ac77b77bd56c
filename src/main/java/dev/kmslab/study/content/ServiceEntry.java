package dev.kmslab.study.content;

import java.util.List;

/** An AWS service on the related-service map and how it uses KMS. {@code details} is Markdown. */
public record ServiceEntry(String id, String name, String edgeLabel, String summary, String details,
                           List<String> apiCalls, List<String> tracks, List<String> concepts, String examTip,
                           Reference reference) {

    public ServiceEntry {
        apiCalls = List.copyOf(apiCalls);
        tracks = List.copyOf(tracks);
        concepts = List.copyOf(concepts);
    }
}
