package dev.kmslab.ui.quiz.common;

import dev.kmslab.study.quiz.Question;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What every quiz page asks of the quiz section: the way home and the links a question offers. The section's view
 * model implements it (and each page package's own extension of it), so the pages never name the section and the
 * section's packages stay free of cycles.
 */
public interface QuizNavigation {

    /** Back to the quiz home page. */
    void home();

    /** The study page (id, title) that explains a question's concept, if the content names one. */
    Optional<Map.Entry<String, String>> conceptFor(Question question);

    /** Opens a question's lab scenario by flow id; null while no opener is registered. */
    Consumer<String> labOpener();
}
