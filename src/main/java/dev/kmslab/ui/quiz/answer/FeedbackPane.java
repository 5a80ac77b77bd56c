package dev.kmslab.ui.quiz.answer;

import dev.kmslab.study.quiz.Answer;
import dev.kmslab.study.quiz.Feedback;
import dev.kmslab.study.quiz.OptionFeedback;
import dev.kmslab.study.quiz.Question;
import dev.kmslab.study.quiz.QuestionType;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The verdict on a response and why: every option with a right/wrong mark, the learner's choice, the explanation, the
 * AWS documentation page behind the answer and, when a lab exists for it, a way to try the idea.
 */
public final class FeedbackPane extends VBox {

    /**
     * @param openLink  opens the reference in the browser
     * @param labOpener opens a lab scenario by id; null hides "Try it in the lab"
     */
    public FeedbackPane(Feedback feedback, Consumer<String> openLink, Consumer<String> labOpener) {
        setId("feedback");
        getStyleClass().add("feedback-pane");
        boolean answered = feedback.response() != null;
        Label verdict = new Label(feedback.correct() ? "Correct" : answered ? "Incorrect" : "Not answered",
                new FontIcon(feedback.correct() ? Feather.CHECK_CIRCLE : Feather.X_CIRCLE));
        verdict.setId("feedback-verdict");
        verdict.getStyleClass().addAll("verdict", feedback.correct() ? "verdict-correct" : "verdict-wrong");
        getChildren().add(verdict);
        List<OptionFeedback> options = feedback.options();
        for (int i = 0; i < options.size(); i++) {
            getChildren().add(optionRow(feedback, options.get(i), i + 1));
        }
        Question q = feedback.question();
        Hyperlink reference = new Hyperlink("AWS documentation: " + q.reference().title(),
                new FontIcon(Feather.EXTERNAL_LINK));
        reference.setId("feedback-reference");
        reference.getStyleClass().add("feedback-reference");
        reference.setWrapText(true);
        reference.setOnAction(e -> openLink.accept(q.reference().url()));
        HBox links = new HBox(reference);
        links.setAlignment(Pos.CENTER_LEFT);
        links.getStyleClass().add("feedback-links");
        if (labOpener != null && q.labId().isPresent()) {
            Button lab = new Button("Try it in the lab", new FontIcon(Feather.PLAY));
            lab.setId("try-in-lab");
            lab.setOnAction(e -> labOpener.accept(q.labId().get()));
            links.getChildren().add(lab);
        }
        getChildren().add(links);
    }

    private static VBox optionRow(Feedback feedback, OptionFeedback o, int number) {
        QuestionType type = feedback.question().type();
        boolean choice = type == QuestionType.SINGLE || type == QuestionType.MULTIPLE;
        boolean right = choice ? keyContains(feedback, o) : o.correct();
        Feather icon = right ? Feather.CHECK : (choice && !o.selected() ? Feather.MINUS : Feather.X);
        Label mark = new Label(null, new FontIcon(icon));
        mark.getStyleClass().addAll("feedback-mark", right ? "mark-right" : o.selected() ? "mark-wrong"
                : "mark-neutral");
        mark.setMinWidth(Label.USE_PREF_SIZE);
        Label text = new Label(o.option().text());
        text.setWrapText(true);
        text.getStyleClass().add("feedback-option-text");
        HBox head = new HBox(mark, text);
        head.setAlignment(Pos.TOP_LEFT);
        head.getStyleClass().add("feedback-head");
        HBox.setHgrow(text, Priority.ALWAYS);
        VBox row = new VBox(head);
        String detail = detail(feedback, o, choice);
        if (choice && !detail.isEmpty()) {
            Label tag = new Label(detail);
            tag.getStyleClass().addAll("chip", "your-choice");
            tag.setMinWidth(Label.USE_PREF_SIZE);
            head.getChildren().add(tag);
        } else if (!detail.isEmpty()) {
            Label where = new Label(detail);
            where.setWrapText(true);
            where.getStyleClass().add("feedback-detail");
            row.getChildren().add(where);
        }
        Label why = new Label(o.explanation());
        why.setWrapText(true);
        why.getStyleClass().add("feedback-explanation");
        row.getChildren().add(why);
        row.setId("feedback-option-" + number);
        row.getStyleClass().addAll("feedback-option", right ? "option-right" : o.selected() ? "option-wrong"
                : "option-neutral");
        return row;
    }

    private static boolean keyContains(Feedback feedback, OptionFeedback o) {
        return ((Answer.Choice) feedback.correctAnswer()).optionIds().contains(o.option().id());
    }

    // Choice: which options the learner picked. Ordering and matching: where the learner put the item and where it
    // belongs, since a mark alone does not teach the order or the pair.
    private static String detail(Feedback feedback, OptionFeedback o, boolean choice) {
        if (choice) {
            return o.selected() ? "Your choice" : "";
        }
        Answer response = feedback.response();
        if (feedback.question().type() == QuestionType.ORDERING) {
            int at = response == null ? -1 : ((Answer.Ordering) response).optionIds().indexOf(o.option().id());
            String yours = at < 0 ? "no step" : "step " + (at + 1);
            return o.correct() ? "Right place: " + o.expected()
                    : "You put it at " + yours + "; it belongs at " + o.expected();
        }
        Map<String, String> pairs = response == null ? Map.of() : ((Answer.Matching) response).pairs();
        String given = pairs.get(o.option().id());
        String yours = given == null ? "nothing"
                : feedback.question().target(given).map(t -> t.text()).orElse(given);
        return o.correct() ? "Matched correctly: " + o.expected()
                : "You matched: " + yours + " · correct: " + o.expected();
    }
}
