package dev.kmslab.study.quiz.practice;

import java.util.List;
import java.util.Objects;

/**
 * Where an unfinished practice session stands, saved after every answer so the learner can resume it later.
 *
 * @param questionIds the session's questions in the order drawn
 * @param answered    how many of them have been answered (the next one to show is at this index)
 * @param correct     how many of those were right
 */
public record PracticeState(PracticeFilter filter, List<String> questionIds, int answered, int correct) {

    public PracticeState {
        Objects.requireNonNull(filter, "filter");
        questionIds = List.copyOf(questionIds);
        if (answered < 0 || answered > questionIds.size() || correct < 0 || correct > answered) {
            throw new IllegalArgumentException("practice state out of range: " + answered + " answered, " + correct
                    + " correct of " + questionIds.size());
        }
    }

    public boolean finished() {
        return answered >= questionIds.size();
    }

    /** "7 of 20 answered". */
    public String progressLine() {
        return answered + " of " + questionIds.size() + " answered";
    }
}
