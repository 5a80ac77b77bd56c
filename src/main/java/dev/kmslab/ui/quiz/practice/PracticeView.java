package dev.kmslab.ui.quiz.practice;

import dev.kmslab.study.quiz.Feedback;
import dev.kmslab.ui.quiz.QuizPages;
import dev.kmslab.ui.quiz.QuizViewModel;
import dev.kmslab.ui.quiz.answer.AnswerDraft;
import dev.kmslab.ui.quiz.answer.FeedbackPane;
import dev.kmslab.ui.quiz.answer.QuestionPane;
import dev.kmslab.ui.common.Navigator;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Practice: the question, Submit, then the feedback with every option explained, then Next. */
public final class PracticeView extends VBox {

    private final PracticeViewModel practice;
    private final QuizViewModel model;
    private final Navigator navigator;
    private final VBox page = new VBox();
    private final ScrollPane scroll;

    public PracticeView(PracticeViewModel practice, QuizViewModel model, Navigator navigator) {
        this.practice = practice;
        this.model = model;
        this.navigator = navigator;
        setId("practice-view");
        scroll = QuizPages.scroll("practice-scroll", page);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().add(scroll);
        practice.draftProperty().addListener((obs, was, now) -> refresh());
        practice.feedbackProperty().addListener((obs, was, now) -> refresh());
        practice.finishedProperty().addListener((obs, was, now) -> refresh());
        refresh();
    }

    private void refresh() {
        page.getChildren().setAll(QuizPages.toolbar(model, "Practice"));
        AnswerDraft draft = practice.draftProperty().get();
        Label score = new Label();
        score.setId("practice-score");
        score.getStyleClass().add("muted");
        score.textProperty().bind(practice.scoreProperty());
        if (practice.finishedProperty().get()) {
            Label done = new Label(practice.session().isEmpty() ? practice.positionProperty().get()
                    : "That was the last question: " + practice.scoreProperty().get().replace(" so far", "") + ".");
            done.setId("practice-done");
            done.getStyleClass().add("title-4");
            Button again = new Button("Choose another practice", new FontIcon(Feather.EDIT_3));
            again.setId("practice-again");
            again.setOnAction(e -> model.openPractice(null));
            page.getChildren().addAll(done, again);
            return;
        }
        page.getChildren().addAll(score, new QuestionPane(draft, practice.positionProperty().get(),
                practice.domainLabel()));
        Feedback feedback = practice.feedbackProperty().get();
        Button action;
        if (feedback == null) {
            action = new Button("Submit", new FontIcon(Feather.CHECK));
            action.setId("practice-submit");
            action.disableProperty().bind(draft.completeProperty().not());
            action.setOnAction(e -> practice.submit());
        } else {
            FeedbackPane pane = new FeedbackPane(feedback, navigator::openExternal, model.labOpener());
            page.getChildren().add(pane);
            QuizPages.scrollTo(scroll, pane);
            boolean last = !practice.session().hasNext();
            action = new Button(last ? "Finish" : "Next question", new FontIcon(Feather.ARROW_RIGHT));
            action.setId("practice-next");
            action.setOnAction(e -> practice.nextQuestion());
        }
        action.getStyleClass().add("accent");
        Label hint = new Label(feedback == null ? "Enter submits" : "Enter or N: next");
        hint.getStyleClass().add("muted");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox footer = new HBox(hint, grow, action);
        footer.setAlignment(Pos.CENTER_LEFT);
        footer.getStyleClass().add("page-footer");
        page.getChildren().add(footer);
        if (feedback == null) {
            scroll.setVvalue(0);
        }
        requestFocus();
    }
}
