package dev.kmslab.ui.quiz.exam;

import dev.kmslab.study.quiz.QuestionBank;
import dev.kmslab.ui.quiz.common.QuizNavigation;
import javafx.beans.property.ReadOnlyObjectProperty;

/** What the exam pages ask of the quiz section. */
public interface ExamScreens extends QuizNavigation {

    ReadOnlyObjectProperty<QuestionBank> bankProperty();

    /** Opens the exam setup page of a track. */
    void openExamSetup(String trackId);

    /** Starts a timed exam of {@code count} questions (fewer when the bank has fewer for the track). */
    void startExam(String trackId, int count);
}
