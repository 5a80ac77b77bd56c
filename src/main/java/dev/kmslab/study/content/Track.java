package dev.kmslab.study.content;

import java.util.List;

/**
 * One certification track and the facts of its exam (from {@code content/tracks.json}).
 *
 * @param retiredNote why a retired track is retired, or for a current track which of its exam facts could not be
 *                    confirmed in AWS's own text (the track's {@code note}); empty when there is nothing to say
 */
public record Track(String id, String exam, String name, int questions, int scoredQuestions, int minutes,
                    int passMark, boolean retired, String retiredNote, List<Domain> domains) {

    public record Domain(String name, int weight) {
    }

    public Track {
        domains = List.copyOf(domains);
    }

    public boolean hasDomain(String domainName) {
        return domains.stream().anyMatch(d -> d.name().equals(domainName));
    }
}
