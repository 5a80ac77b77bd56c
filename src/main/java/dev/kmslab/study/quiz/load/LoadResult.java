package dev.kmslab.study.quiz.load;

import dev.kmslab.study.quiz.QuestionBank;
import java.util.List;

/** The questions that passed validation and the problems of those that did not. */
public record LoadResult(QuestionBank bank, List<LoadProblem> problems) {

    public LoadResult {
        problems = List.copyOf(problems);
    }

    public boolean clean() {
        return problems.isEmpty();
    }
}
