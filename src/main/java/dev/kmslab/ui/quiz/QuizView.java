package dev.kmslab.ui.quiz;

import dev.kmslab.ui.quiz.common.QuizKeys;

import dev.kmslab.ui.quiz.exam.ExamResultView;
import dev.kmslab.ui.quiz.exam.ExamSetupView;
import dev.kmslab.ui.quiz.exam.ExamView;
import dev.kmslab.ui.quiz.home.QuizHomeView;
import dev.kmslab.ui.quiz.practice.PracticeSetupView;
import dev.kmslab.ui.quiz.practice.PracticeView;
import dev.kmslab.ui.quiz.review.ReviewView;
import dev.kmslab.ui.common.Navigator;
import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The quiz section: shows the page the model asks for and turns keys into quiz commands (1–6, Enter, N, P, F) while
 * the focus is inside the section. Keys typed into text fields, spinners and drop-downs are left alone, and so is
 * anything with a modifier, which belongs to the window's shortcuts.
 */
public final class QuizView extends VBox {

    private final QuizViewModel model;
    private final Navigator navigator;
    private final StackPane page = new StackPane();
    private QuizViewModel.Screen shownScreen;
    private Object shown;

    public QuizView(QuizViewModel model, Navigator navigator) {
        this.model = model;
        this.navigator = navigator;
        setId("quiz-view");
        getStyleClass().add("quiz-view");
        Label error = new Label(null, new FontIcon(Feather.ALERT_CIRCLE));
        error.setId("quiz-error");
        error.getStyleClass().addAll("error-text", "quiz-error");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());
        VBox.setVgrow(page, Priority.ALWAYS);
        getChildren().addAll(error, page);
        model.screenProperty().addListener((obs, was, now) -> show());
        // A new session on the page already shown (e.g. another exam right after one) must redraw it too.
        for (ObservableValue<?> session : List.of(model.practiceSetupProperty(),
                model.practiceProperty(), model.examProperty(), model.resultProperty(), model.reviewProperty(),
                model.examTrackProperty())) {
            session.addListener((obs, was, now) -> show());
        }
        addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        show();
    }

    private void show() {
        Object session = sessionOf(model.screenProperty().get());
        if (page.getChildren().size() == 1 && model.screenProperty().get() == shownScreen && session == shown) {
            return;
        }
        shownScreen = model.screenProperty().get();
        shown = session;
        page.getChildren().setAll(build());
        // Keys only reach the section when something in it has the focus.
        page.getChildren().get(0).requestFocus();
    }

    private Object sessionOf(QuizViewModel.Screen screen) {
        switch (screen) {
            case PRACTICE_SETUP:
                return model.practiceSetupProperty().get();
            case PRACTICE:
                return model.practiceProperty().get();
            case EXAM_SETUP:
                return model.examTrackProperty().get();
            case EXAM:
                return model.examProperty().get();
            case RESULT:
                return model.resultProperty().get();
            case REVIEW:
                return model.reviewProperty().get();
            default:
                return null;
        }
    }

    private Node build() {
        switch (model.screenProperty().get()) {
            case PRACTICE_SETUP:
                return new PracticeSetupView(model.practiceSetupProperty().get(), model);
            case PRACTICE:
                return new PracticeView(model.practiceProperty().get(), model, navigator);
            case EXAM_SETUP:
                return new ExamSetupView(model, model.examTrackProperty().get());
            case EXAM:
                return new ExamView(model.examProperty().get());
            case RESULT:
                return new ExamResultView(model.resultProperty().get(), model, navigator);
            case REVIEW:
                return new ReviewView(model.reviewProperty().get(), model, navigator);
            default:
                return new QuizHomeView(model);
        }
    }

    private void key(KeyEvent e) {
        QuizKeys keys = model.keys();
        if (keys == null || e.isShortcutDown() || e.isControlDown() || e.isAltDown() || e.isMetaDown()
                || typingTarget(e)) {
            return;
        }
        if (QuizKeyMap.handle(keys, e.getCode())) {
            e.consume();
        }
    }

    private static boolean typingTarget(KeyEvent e) {
        for (Object t = e.getTarget(); t instanceof Node; t = ((Node) t).getParent()) {
            if (t instanceof TextInputControl || t instanceof Spinner || t instanceof ComboBoxBase) {
                return true;
            }
        }
        return false;
    }
}
