package dev.kmslab.study.quiz.exam;

/** Filters of the post-exam review. Unanswered questions count as incorrect (as in the real exam). */
public enum ReviewFilter {
    ALL, CORRECT, INCORRECT, FLAGGED, UNANSWERED;

    boolean accepts(ReviewEntry e) {
        switch (this) {
            case CORRECT:
                return e.correct();
            case INCORRECT:
                return !e.correct();
            case FLAGGED:
                return e.flagged();
            case UNANSWERED:
                return !e.answered();
            default:
                return true;
        }
    }
}
