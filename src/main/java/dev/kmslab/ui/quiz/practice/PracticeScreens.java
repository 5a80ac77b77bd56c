package dev.kmslab.ui.quiz.practice;

import dev.kmslab.study.quiz.practice.PracticeFilter;
import dev.kmslab.ui.quiz.common.QuizNavigation;
import java.time.Clock;

/** What the practice pages ask of the quiz section. */
public interface PracticeScreens extends QuizNavigation {

    /** The clock the section schedules reviews by. */
    Clock clock();

    /** Opens the practice setup page of a track (null: the track last used). */
    void openPractice(String trackId);

    /** Starts a practice session of {@code length} questions matching {@code filter}. */
    void startPractice(PracticeFilter filter, int length);
}
