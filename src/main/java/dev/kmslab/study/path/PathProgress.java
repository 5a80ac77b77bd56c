package dev.kmslab.study.path;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A track's path with a tick for every step, drawn from the learner's real actions: the study store (pages read,
 * flows finished), the labs (passed) and the quiz history (answers per topic).
 */
public record PathProgress(TrackPath path, List<ModuleProgress> modules) {

    public PathProgress {
        modules = List.copyOf(modules);
    }

    /** @param answeredByTopic answers given per quiz topic id, across all modes and tracks */
    public static PathProgress of(TrackPath path, StudyProgress.Document study, PathLabs labs,
                                  Map<String, Integer> answeredByTopic) {
        List<ModuleProgress> modules = path.modules().stream().map(m -> {
            Optional<String> labId = labs.labFor(m, path.track()).map(l -> l.id());
            return new ModuleProgress(m, study.pagesRead().containsKey(m.concept()),
                    m.flow().map(f -> study.flowsFinished().containsKey(f)), labId,
                    labId.map(labs::passed).orElse(false), answeredByTopic.getOrDefault(m.topic(), 0));
        }).collect(Collectors.toList());
        return new PathProgress(path, modules);
    }

    public long modulesDone() {
        return modules.stream().filter(ModuleProgress::done).count();
    }

    /** The first module not yet done: where "Continue" takes the learner. */
    public Optional<ModuleProgress> next() {
        return modules.stream().filter(m -> !m.done()).findFirst();
    }
}
