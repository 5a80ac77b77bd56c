package dev.kmslab.ui.quiz.exam;

import dev.kmslab.study.quiz.exam.DomainScore;
import dev.kmslab.study.quiz.exam.ReviewEntry;
import dev.kmslab.study.quiz.exam.ReviewFilter;
import dev.kmslab.ui.quiz.common.QuizPages;
import dev.kmslab.ui.quiz.answer.FeedbackPane;
import dev.kmslab.ui.common.Navigator;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The exam result: PASS/FAIL against the pass mark, the score per domain, and the review with explanations. */
public final class ExamResultView extends VBox {

    private final ExamResultViewModel result;
    private final ExamScreens model;
    private final Navigator navigator;
    private final VBox reviewList = new VBox();

    public ExamResultView(ExamResultViewModel result, ExamScreens model, Navigator navigator) {
        this.result = result;
        this.model = model;
        this.navigator = navigator;
        setId("exam-result");
        VBox page = new VBox(QuizPages.toolbar(model, result.track().exam() + " exam result"));
        page.getChildren().addAll(summary(), domains(), filters(), reviewList);
        var scroll = QuizPages.scroll("exam-result-scroll", page);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().add(scroll);
        result.entries().addListener((ListChangeListener<ReviewEntry>) c -> showReview());
        showReview();
    }

    private HBox summary() {
        boolean passed = result.result().passed();
        Label badge = new Label(result.verdict());
        badge.setId("result-verdict");
        badge.getStyleClass().addAll("result-badge", passed ? "result-pass" : "result-fail");
        Label score = new Label(result.scoreLine());
        score.setId("result-score");
        score.getStyleClass().add("result-score");
        Label raw = new Label(result.rawLine());
        raw.setId("result-raw");
        raw.getStyleClass().add("muted");
        raw.setWrapText(true);
        VBox text = new VBox(score, raw);
        Button again = new Button("Take another", new FontIcon(Feather.REFRESH_CW));
        again.setId("result-again");
        again.setOnAction(e -> model.openExamSetup(result.track().id()));
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(badge, text, again);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("result-summary");
        return row;
    }

    private VBox domains() {
        Label heading = new Label("By exam domain");
        heading.getStyleClass().add("section-heading");
        GridPane table = new GridPane();
        table.setId("result-domains");
        table.getStyleClass().add("domain-table");
        int row = 0;
        for (DomainScore d : result.domains()) {
            Label name = new Label(d.weight() > 0 ? d.domain() + " (" + d.weight() + "%)" : d.domain());
            name.setWrapText(true);
            name.getStyleClass().add("domain-name");
            ProgressBar bar = new ProgressBar(d.percent() / 100.0);
            bar.setMaxWidth(Double.MAX_VALUE);
            bar.getStyleClass().add(d.percent() >= 70 ? "domain-good" : "domain-weak");
            Label value = new Label(ExamResultViewModel.domainLine(d));
            value.setId("domain-score-" + row);
            value.setMinWidth(Label.USE_PREF_SIZE);
            table.addRow(row++, name, bar, value);
            GridPane.setHgrow(bar, Priority.ALWAYS);
        }
        Label note = new Label("Domains the draw did not cover are left out.");
        note.getStyleClass().add("muted");
        return new VBox(heading, table, note);
    }

    private VBox filters() {
        Label heading = new Label("Review");
        heading.getStyleClass().add("section-heading");
        HBox row = new HBox();
        row.getStyleClass().add("filter-row");
        ToggleGroup group = new ToggleGroup();
        for (ReviewFilter f : ReviewFilter.values()) {
            String name = f.name().charAt(0) + f.name().substring(1).toLowerCase(Locale.ROOT);
            ToggleButton b = new ToggleButton(name + " (" + result.count(f) + ")");
            b.setId("review-filter-" + f.name().toLowerCase(Locale.ROOT));
            b.setToggleGroup(group);
            b.setSelected(f == result.filterProperty().get());
            b.setOnAction(e -> {
                b.setSelected(true);
                result.setFilter(f);
            });
            row.getChildren().add(b);
        }
        return new VBox(heading, row);
    }

    private void showReview() {
        reviewList.getChildren().clear();
        reviewList.setId("result-review");
        reviewList.getStyleClass().add("review-list");
        if (result.entries().isEmpty()) {
            Label none = new Label("No question in this group.");
            none.getStyleClass().add("muted");
            reviewList.getChildren().add(none);
        }
        for (ReviewEntry e : result.entries()) {
            Label number = new Label("Question " + e.number() + (e.flagged() ? " · flagged" : ""),
                    e.flagged() ? new FontIcon(Feather.FLAG) : null);
            number.getStyleClass().add("question-position");
            Label stem = new Label(e.question().question().stem());
            stem.setWrapText(true);
            stem.getStyleClass().add("question-stem");
            VBox card = new VBox(number, stem, new FeedbackPane(e.feedback(), navigator,
                    model.conceptFor(e.question().question()), model.labOpener(), null));
            card.setId("review-entry-" + e.number());
            card.getStyleClass().add("question-card");
            reviewList.getChildren().add(card);
        }
    }
}
