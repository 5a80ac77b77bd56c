package dev.kmslab.ui.quiz.review;

import dev.kmslab.study.quiz.Feedback;
import dev.kmslab.study.quiz.srs.Grade;
import dev.kmslab.ui.quiz.common.QuizPages;
import dev.kmslab.ui.quiz.answer.AnswerDraft;
import dev.kmslab.ui.quiz.answer.FeedbackPane;
import dev.kmslab.ui.quiz.answer.QuestionPane;
import dev.kmslab.ui.common.Navigator;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Spaced repetition: answer, read the feedback, rate the recall with Again / Hard / Good / Easy. */
public final class ReviewView extends VBox {

    private final ReviewViewModel review;
    private final dev.kmslab.ui.quiz.common.QuizNavigation model;
    private final Navigator navigator;
    private final VBox page = new VBox();
    private final ScrollPane scroll;

    public ReviewView(ReviewViewModel review, dev.kmslab.ui.quiz.common.QuizNavigation model, Navigator navigator) {
        this.review = review;
        this.model = model;
        this.navigator = navigator;
        setId("review-view");
        scroll = QuizPages.scroll("review-scroll", page);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().add(scroll);
        review.draftProperty().addListener((obs, was, now) -> refresh());
        review.feedbackProperty().addListener((obs, was, now) -> refresh());
        refresh();
    }

    private void refresh() {
        page.getChildren().setAll(QuizPages.toolbar(model, "Review " + review.trackId() + " cards"));
        AnswerDraft draft = review.draftProperty().get();
        if (review.finishedProperty().get() || draft == null) {
            Label done = new Label(review.positionProperty().get());
            done.setId("review-done");
            done.getStyleClass().add("title-4");
            done.setWrapText(true);
            page.getChildren().add(done);
            return;
        }
        Feedback feedback = review.feedbackProperty().get();
        page.getChildren().add(new QuestionPane(draft, review.positionProperty().get(), null, true,
                feedback == null));
        HBox footer = new HBox();
        footer.setAlignment(Pos.CENTER_LEFT);
        footer.getStyleClass().add("page-footer");
        if (feedback == null) {
            Button submit = new Button("Show answer", new FontIcon(Feather.CHECK));
            submit.setId("review-submit");
            submit.getStyleClass().add("accent");
            submit.disableProperty().bind(draft.completeProperty().not());
            submit.setOnAction(e -> review.submit());
            Region grow = new Region();
            HBox.setHgrow(grow, Priority.ALWAYS);
            footer.getChildren().addAll(grow, submit);
            scroll.setVvalue(0);
        } else {
            // The grades sit beside the verdict so rating never needs a scroll; each shows its next interval.
            HBox grades = new HBox();
            grades.setId("review-grades");
            grades.getStyleClass().add("grade-row");
            for (Grade g : Grade.values()) {
                String name = g.name().charAt(0) + g.name().substring(1).toLowerCase(Locale.ROOT);
                Button b = new Button(name + " · " + review.previews().getOrDefault(g, ""));
                b.setId("grade-" + g.name().toLowerCase(Locale.ROOT));
                b.getStyleClass().add(g == Grade.GOOD || g == Grade.AGAIN ? "accent" : "grade-button");
                b.setTooltip(new Tooltip(g.value() + ": " + tip(g)));
                b.setDisable(!review.grades().contains(g));
                b.setMinWidth(Region.USE_PREF_SIZE);
                b.setOnAction(e -> review.rate(g));
                grades.getChildren().add(b);
            }
            FeedbackPane pane = new FeedbackPane(feedback, navigator, model.conceptFor(feedback.question()),
                    model.labOpener(), grades);
            page.getChildren().add(pane);
            QuizPages.scrollTo(scroll, pane);
            Label ask = new Label(feedback.correct() ? "How well did you recall it? Keys 2–4, Enter = Good."
                    : "A wrong answer is rated Again, so the card comes back within minutes. Enter = Again.");
            ask.setWrapText(true);
            ask.getStyleClass().add("muted");
            HBox.setHgrow(ask, Priority.ALWAYS);
            footer.getChildren().add(ask);
        }
        page.getChildren().add(footer);
        requestFocus();
    }

    private static String tip(Grade g) {
        switch (g) {
            case AGAIN:
                return "Forgotten or wrong: see it again in a few minutes";
            case HARD:
                return "Recalled with serious effort";
            case GOOD:
                return "Recalled after a moment";
            default:
                return "Recalled at once";
        }
    }
}
