package dev.kmslab.study.quiz;

import java.util.List;

/**
 * A question as shown to the learner: options (and targets) in display order. Responses still refer to option ids, so
 * the display order never affects scoring.
 */
public record PresentedQuestion(Question question, List<Option> options, List<Target> targets) {

    public PresentedQuestion {
        options = List.copyOf(options);
        targets = List.copyOf(targets);
    }

    /** The option shown at 1-based position {@code number}, for keyboard answers (keys 1–6). */
    public Option optionAt(int number) {
        if (number < 1 || number > options.size()) {
            throw new IndexOutOfBoundsException("option " + number + " of " + options.size());
        }
        return options.get(number - 1);
    }
}
