package dev.kmslab.study.path;

import dev.kmslab.study.content.ContentProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Every track's path as loaded from {@code content/paths.json}, with the problems found while loading it. */
public record LearningPaths(List<TrackPath> paths, List<ContentProblem> problems) {

    public static final String FILE = "content/paths.json";

    public LearningPaths {
        paths = List.copyOf(paths);
        problems = List.copyOf(problems);
    }

    public static LearningPaths empty() {
        return new LearningPaths(List.of(), List.of());
    }

    public Optional<TrackPath> forTrack(String trackId) {
        return paths.stream().filter(p -> p.track().equals(trackId)).findFirst();
    }

    /**
     * Modules naming a lab that did not load (the labs load separately, after the paths): one problem each, so a
     * renamed or broken lab is reported instead of silently dropping the step.
     */
    public List<ContentProblem> unknownLabs(Set<String> labIds) {
        List<ContentProblem> out = new ArrayList<>();
        for (int p = 0; p < paths.size(); p++) {
            List<PathModule> modules = paths.get(p).modules();
            for (int m = 0; m < modules.size(); m++) {
                Optional<String> lab = modules.get(m).lab();
                if (lab.isPresent() && !labIds.contains(lab.get())) {
                    out.add(new ContentProblem(FILE, "paths[" + p + "].modules[" + m + "].lab",
                            "names lab '" + lab.get() + "', which did not load"));
                }
            }
        }
        return out;
    }
}
