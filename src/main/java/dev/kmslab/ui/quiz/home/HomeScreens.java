package dev.kmslab.ui.quiz.home;

import dev.kmslab.study.quiz.QuestionBank;
import dev.kmslab.study.quiz.load.LoadProblem;
import dev.kmslab.study.quiz.practice.PracticeState;
import dev.kmslab.ui.quiz.common.QuizNavigation;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.collections.ObservableList;

/** What the quiz home page asks of the quiz section. */
public interface HomeScreens extends QuizNavigation {

    /** Questions in a "drill the weakest domain" session. */
    int DRILL_LENGTH = 10;

    void load();

    ReadOnlyBooleanProperty loadingProperty();

    ReadOnlyObjectProperty<QuestionBank> bankProperty();

    ObservableList<LoadProblem> problems();

    ProgressViewModel progress();

    boolean canSave();

    void openPractice(String trackId);

    void openExamSetup(String trackId);

    void startReview(String trackId);

    Optional<PracticeState> savedPractice();

    boolean resumePractice();

    void drillWeakest(String trackId);

    boolean drillMistakes(String trackId);

    /** Asks before forgetting a track's results; resets it only if the learner confirms. */
    void askToResetTrack(String trackId);
}
