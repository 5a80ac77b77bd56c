package dev.kmslab.study.quiz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Shuffles options with a seeded {@link Random}, so a session (and a test) is reproducible from its seed. Ordering
 * questions are shuffled too (putting them in order is the task). A question with an option that refers to the others
 * by position ("All of the above", "Both A and B") keeps its file order: shuffling would make it nonsense.
 */
public final class OptionShuffler {

    private static final Pattern ORDER_DEPENDENT = Pattern.compile(
            "(?i)\\b(all|none|both|neither)\\s+of\\s+the\\s+(above|options|answers|these)\\b"
                    + "|\\b(options?|answers?|both)\\s+[A-F]\\s+and\\s+[A-F]\\b");

    private final Random random;

    public OptionShuffler(Random random) {
        this.random = random;
    }

    public PresentedQuestion present(Question question) {
        List<Option> options = new ArrayList<>(question.options());
        List<Target> targets = new ArrayList<>(question.targets());
        if (!isOrderDependent(question)) {
            java.util.Collections.shuffle(options, random);
        }
        java.util.Collections.shuffle(targets, random);
        return new PresentedQuestion(question, options, targets);
    }

    /** The same question in file order, e.g. for the explanation view of the review screen. */
    public static PresentedQuestion inFileOrder(Question question) {
        return new PresentedQuestion(question, question.options(), question.targets());
    }

    static boolean isOrderDependent(Question question) {
        return question.options().stream().anyMatch(o -> ORDER_DEPENDENT.matcher(o.text()).find());
    }
}
