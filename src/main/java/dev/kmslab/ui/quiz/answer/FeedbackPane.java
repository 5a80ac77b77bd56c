package dev.kmslab.ui.quiz.answer;

import dev.kmslab.study.quiz.Answer;
import dev.kmslab.study.quiz.Feedback;
import dev.kmslab.study.quiz.OptionFeedback;
import dev.kmslab.study.quiz.Question;
import dev.kmslab.study.quiz.QuestionType;
import dev.kmslab.ui.common.Navigator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The verdict on a response and why, laid out so that it fits in sight after answering: the verdict with the page's
 * actions (Next, grades) on one line, then the options the learner chose and the right ones with their explanations,
 * then where to read more — the AWS page behind the answer, this app's concept page (from the question's topics),
 * the flow that animates it (from its {@code lab}) and the Key Lab. The other options' explanations fold away.
 */
public final class FeedbackPane extends VBox {

    /**
     * @param links   where the links lead (concept pages, flows, the Key Lab, web pages)
     * @param concept the app's concept page for the question, if any: id and title
     * @param flows   opens a flow by the question's {@code lab} id; null hides the flow link
     * @param actions buttons shown beside the verdict (Next, grades), or null
     */
    public FeedbackPane(Feedback feedback, Navigator links, Optional<Map.Entry<String, String>> concept,
                        Consumer<String> flows, Node actions) {
        setId("feedback");
        getStyleClass().add("feedback-pane");
        boolean answered = feedback.response() != null;
        Label verdict = new Label(feedback.correct() ? "Correct" : answered ? "Incorrect" : "Not answered",
                new FontIcon(feedback.correct() ? Feather.CHECK_CIRCLE : Feather.X_CIRCLE));
        verdict.setId("feedback-verdict");
        verdict.getStyleClass().addAll("verdict", feedback.correct() ? "verdict-correct" : "verdict-wrong");
        verdict.setMinWidth(Label.USE_PREF_SIZE);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox head = new HBox(verdict, grow);
        head.setId("feedback-head");
        head.setAlignment(Pos.CENTER_LEFT);
        head.getStyleClass().add("feedback-verdict-row");
        if (actions != null) {
            head.getChildren().add(actions);
        }
        getChildren().add(head);
        List<OptionFeedback> options = feedback.options();
        QuestionType type = feedback.question().type();
        boolean choice = type == QuestionType.SINGLE || type == QuestionType.MULTIPLE;
        VBox others = new VBox();
        others.getStyleClass().add("feedback-others-body");
        for (int i = 0; i < options.size(); i++) {
            OptionFeedback o = options.get(i);
            VBox row = optionRow(feedback, o, i + 1);
            // What the learner chose and what was right stay in sight; the rest is one click away.
            if (!choice || o.selected() || keyContains(feedback, o)) {
                getChildren().add(row);
            } else {
                others.getChildren().add(row);
            }
        }
        getChildren().add(links(feedback.question(), links, concept, flows));
        if (!others.getChildren().isEmpty()) {
            TitledPane fold = new TitledPane("Why the other " + (others.getChildren().size() == 1 ? "option is"
                    : others.getChildren().size() + " options are") + " wrong", others);
            fold.setId("feedback-others");
            fold.setExpanded(false);
            fold.setAnimated(false);
            fold.getStyleClass().add("feedback-others");
            getChildren().add(fold);
        }
    }

    private static FlowPane links(Question q, Navigator nav, Optional<Map.Entry<String, String>> concept,
                                  Consumer<String> flows) {
        Hyperlink reference = new Hyperlink("AWS docs: " + q.reference().title(), new FontIcon(Feather.EXTERNAL_LINK));
        reference.setId("feedback-reference");
        reference.getStyleClass().add("feedback-reference");
        reference.setWrapText(true);
        reference.setOnAction(e -> nav.openExternal(q.reference().url()));
        FlowPane row = new FlowPane(reference);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("feedback-links");
        concept.ifPresent(c -> {
            Hyperlink page = new Hyperlink("Concept: " + c.getValue(), new FontIcon(Feather.BOOK_OPEN));
            page.setId("feedback-concept");
            page.setOnAction(e -> nav.showConcept(c.getKey()));
            row.getChildren().add(page);
        });
        if (q.labId().isPresent()) {
            if (flows != null) {
                Hyperlink flow = new Hyperlink("Watch the flow", new FontIcon(Feather.PLAY));
                flow.setId("try-in-lab");
                flow.setOnAction(e -> flows.accept(q.labId().get()));
                row.getChildren().add(flow);
            }
            Hyperlink lab = new Hyperlink("Try it in the Key Lab", new FontIcon(Feather.LOCK));
            lab.setId("feedback-keylab");
            lab.setOnAction(e -> nav.showKeyLab());
            row.getChildren().add(lab);
        }
        return row;
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
