package dev.kmslab.study.labs;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A hands-on lab: a scenario, a starting state the sandbox builds, steps with hints, checks the engine grades, and a
 * reference solution. Authored as data in {@code content/labs/*.json} (schema: {@code content/labs/README.md}).
 *
 * @param tracks         exam track ids from {@code content/tracks.json}, e.g. {@code SCS}
 * @param domains        the exam domains the lab practises, each naming its track
 * @param topics         study topic ids from {@code content/tracks.json} (the quiz topics), e.g. {@code key-policies}
 * @param concepts       concept page ids ({@code content/concepts/index.json}) the lab puts into practice
 * @param simulationNote where the lab simulates beyond AWS, in plain words; empty when it does not
 * @param source         the file it came from (built-in: {@code content/labs/x.json}; instructor: its path)
 */
public record Lab(String id, String title, List<String> tracks, List<LabDomain> domains, List<String> topics,
                  List<String> concepts, String scenario, Optional<String> simulationNote, LabStart start,
                  List<LabStep> steps, List<LabCheck> checks, LabSolution solution, String source) {

    public Lab {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        tracks = List.copyOf(tracks);
        domains = List.copyOf(domains);
        topics = List.copyOf(topics);
        concepts = List.copyOf(concepts);
        simulationNote = simulationNote == null ? Optional.empty() : simulationNote;
        steps = List.copyOf(steps);
        checks = List.copyOf(checks);
    }

    public boolean forTrack(String trackId) {
        return tracks.contains(trackId);
    }

    /** Hints across all steps, the most a learner can reveal. */
    public int hintCount() {
        return steps.stream().mapToInt(s -> s.hints().size()).sum();
    }
}
