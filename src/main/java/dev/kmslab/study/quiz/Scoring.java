package dev.kmslab.study.quiz;

/**
 * Marks a response. Every type is all-or-nothing, as in the AWS exams: a multiple-response question with one of two
 * correct options chosen scores nothing, an ordering must be exact, a matching needs every pair.
 */
public final class Scoring {

    private Scoring() {
    }

    /** True when {@code response} equals the key; a null response (unanswered) is wrong. */
    public static boolean isCorrect(Question question, Answer response) {
        if (response == null) {
            return false;
        }
        requireShape(question, response);
        return question.answer().equals(response);
    }

    /** A response of the wrong shape is a caller bug (e.g. a matching UI feeding a choice question), not a wrong answer. */
    public static void requireShape(Question question, Answer response) {
        boolean ok;
        switch (question.type()) {
            case SINGLE:
            case MULTIPLE:
                ok = response instanceof Answer.Choice;
                break;
            case ORDERING:
                ok = response instanceof Answer.Ordering;
                break;
            default:
                ok = response instanceof Answer.Matching;
        }
        if (!ok) {
            throw new IllegalArgumentException("a " + question.type().jsonName() + " question cannot take a "
                    + response.getClass().getSimpleName() + " response (question " + question.id() + ")");
        }
    }
}
