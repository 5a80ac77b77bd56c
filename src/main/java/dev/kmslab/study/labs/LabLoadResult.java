package dev.kmslab.study.labs;

import dev.kmslab.study.quiz.load.LoadProblem;
import java.util.List;

/** The labs that passed validation and the problems of the files that did not (each skipped whole). */
public record LabLoadResult(LabCatalogue catalogue, List<LoadProblem> problems) {

    public LabLoadResult {
        problems = List.copyOf(problems);
    }

    public boolean clean() {
        return problems.isEmpty();
    }
}
