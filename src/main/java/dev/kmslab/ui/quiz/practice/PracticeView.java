package dev.kmslab.ui.quiz.practice;

import dev.kmslab.study.quiz.Feedback;
import dev.kmslab.ui.quiz.common.QuizPages;
import dev.kmslab.ui.quiz.answer.AnswerDraft;
import dev.kmslab.ui.quiz.answer.FeedbackPane;
import dev.kmslab.ui.quiz.answer.QuestionPane;
import dev.kmslab.ui.common.Navigator;
import dev.kmslab.study.quiz.srs.Card;
import dev.kmslab.study.quiz.srs.Grade;
import dev.kmslab.study.quiz.srs.IntervalFormat;
import java.time.Duration;
import javafx.geometry.Pos;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
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
    private final PracticeScreens model;
    private final Navigator navigator;
    private final VBox page = new VBox();
    private final ScrollPane scroll;
    private final Label due = new Label();

    public PracticeView(PracticeViewModel practice, PracticeScreens model, Navigator navigator) {
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
        due.setId("practice-due");
        due.getStyleClass().add("muted");
        practice.cardProperty().addListener((obs, was, now) -> updateDue());
        refresh();
    }

    // A toggle that re-grades the answer for spaced repetition; pressing it again goes back to Good.
    private ToggleButton regrade(String text, Grade grade, String id) {
        ToggleButton b = new ToggleButton(text);
        b.setId(id);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setSelected(practice.gradeProperty().get() == grade);
        b.setTooltip(new Tooltip(grade == Grade.HARD ? "Right, but by luck: the question comes back sooner (Hard)"
                : "Knew it at once: the question comes back later (Easy)"));
        b.setOnAction(e -> practice.regrade(b.isSelected() ? grade : Grade.GOOD));
        return b;
    }

    // When the answered question comes back: follows "I guessed" / "Too easy" as they re-grade it.
    private void updateDue() {
        Card c = practice.cardProperty().get();
        Feedback f = practice.feedbackProperty().get();
        due.setText(c == null || f == null ? "" : "Comes back in review in "
                + IntervalFormat.of(Duration.between(model.clock().instant(), c.due())).replace("<", "under ")
                + (f.correct() ? "." : ": a miss is due again the same day."));
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
        Feedback feedback = practice.feedbackProperty().get();
        // After answering, the feedback replaces the answer controls, so the verdict, the explanation of the
        // learner's choice and Next sit together near the top of the viewport.
        page.getChildren().addAll(score, new QuestionPane(draft, practice.positionProperty().get(),
                practice.domainLabel(), true, feedback == null));
        if (feedback == null) {
            Button action = new Button("Submit", new FontIcon(Feather.CHECK));
            action.setId("practice-submit");
            action.getStyleClass().add("accent");
            action.disableProperty().bind(draft.completeProperty().not());
            action.setOnAction(e -> practice.submit());
            Label hint = new Label("Enter submits");
            hint.getStyleClass().add("muted");
            Region grow = new Region();
            HBox.setHgrow(grow, Priority.ALWAYS);
            HBox footer = new HBox(hint, grow, action);
            footer.setAlignment(Pos.CENTER_LEFT);
            footer.getStyleClass().add("page-footer");
            page.getChildren().add(footer);
            scroll.setVvalue(0);
        } else {
            boolean last = !practice.session().hasNext();
            Button next = new Button(last ? "Finish" : "Next", new FontIcon(Feather.ARROW_RIGHT));
            next.setId("practice-next");
            next.getStyleClass().add("accent");
            next.setMinWidth(Region.USE_PREF_SIZE);
            next.setTooltip(new Tooltip("Enter or N"));
            next.setOnAction(e -> practice.nextQuestion());
            HBox actions = new HBox();
            actions.getStyleClass().add("grade-row");
            actions.setAlignment(Pos.CENTER_RIGHT);
            if (practice.canRegrade()) {
                ToggleGroup group = new ToggleGroup();
                ToggleButton guessed = regrade("I guessed", Grade.HARD, "practice-guessed");
                ToggleButton easy = regrade("Too easy", Grade.EASY, "practice-easy");
                guessed.setToggleGroup(group);
                easy.setToggleGroup(group);
                actions.getChildren().addAll(guessed, easy);
            }
            actions.getChildren().add(next);
            FeedbackPane pane = new FeedbackPane(feedback, navigator,
                    model.conceptFor(feedback.question()), model.labOpener(), actions);
            page.getChildren().add(pane);
            updateDue();
            page.getChildren().add(due);
            QuizPages.scrollTo(scroll, pane);
        }
        requestFocus();
    }
}
