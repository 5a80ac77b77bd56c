package dev.kmslab.ui.quiz.exam;

import dev.kmslab.study.quiz.Question;
import dev.kmslab.study.quiz.QuestionType;
import dev.kmslab.study.quiz.exam.GridItem;
import dev.kmslab.ui.quiz.common.QuizPages;
import dev.kmslab.ui.quiz.answer.AnswerDraft;
import dev.kmslab.ui.quiz.answer.QuestionPane;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A running exam: countdown and Submit on top, the question with Previous / Flag / Next, and the question grid
 * (answered, flagged and current cells look different) to jump anywhere.
 */
public final class ExamView extends VBox {

    private final ExamViewModel exam;
    private final VBox page = new VBox();
    private final ScrollPane scroll;
    private final FlowPane grid = new FlowPane();
    private final Timeline timer;

    public ExamView(ExamViewModel exam) {
        this.exam = exam;
        setId("exam-view");
        getStyleClass().add("exam-view");
        Label title = new Label(exam.title());
        title.getStyleClass().add("title-4");
        title.setWrapText(true);
        Label clock = new Label(null, new FontIcon(Feather.CLOCK));
        clock.setId("exam-timer");
        clock.getStyleClass().add("exam-timer");
        clock.textProperty().bind(exam.remainingProperty());
        PseudoClass low = PseudoClass.getPseudoClass("low");
        clock.pseudoClassStateChanged(low, exam.lowTimeProperty().get());
        exam.lowTimeProperty().addListener((obs, was, now) -> clock.pseudoClassStateChanged(low, now));
        clock.setTooltip(new Tooltip("Time left; the exam is submitted automatically at 0:00"));
        Button submit = new Button("Submit exam", new FontIcon(Feather.SEND));
        submit.setId("exam-submit");
        submit.getStyleClass().add("accent");
        submit.setOnAction(e -> exam.askToSubmit());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox top = new HBox(title, grow, clock, submit);
        top.setAlignment(Pos.CENTER_LEFT);
        top.getStyleClass().add("exam-top");
        scroll = QuizPages.scroll("exam-scroll", page);
        HBox.setHgrow(scroll, Priority.ALWAYS);
        grid.setId("exam-grid");
        grid.getStyleClass().add("exam-grid");
        Label gridTitle = new Label("Questions");
        gridTitle.getStyleClass().add("panel-heading");
        Label legend = new Label("Filled: answered · flag icon and orange bar: flagged · outline: current. Keys: N / P move, "
                + "F flags, 1–6 choose.");
        legend.setWrapText(true);
        legend.getStyleClass().addAll("muted", "grid-legend");
        VBox side = new VBox(gridTitle, grid, legend);
        side.getStyleClass().add("exam-side");
        HBox body = new HBox(scroll, side);
        VBox.setVgrow(body, Priority.ALWAYS);
        getChildren().addAll(top, body);
        exam.draftProperty().addListener((obs, was, now) -> showQuestion());
        exam.flaggedProperty().addListener((obs, was, now) -> showQuestion());
        exam.grid().addListener((ListChangeListener<GridItem>) c -> showGrid());
        showQuestion();
        showGrid();
        timer = new Timeline(new KeyFrame(Duration.seconds(1), e -> exam.tick()));
        timer.setCycleCount(Animation.INDEFINITE);
        exam.submittedProperty().addListener((obs, was, now) -> timer.stop());
        if (!exam.submittedProperty().get()) {
            timer.play();
        }
    }

    private void showQuestion() {
        AnswerDraft draft = exam.draftProperty().get();
        Question q = draft.question().question();
        // The real exam shows neither the domain nor the difficulty of a question, so neither does the simulation.
        QuestionPane question = new QuestionPane(draft, exam.positionProperty().get(), null, false, true);
        Button previous = new Button("Previous", new FontIcon(Feather.ARROW_LEFT));
        previous.setId("exam-previous");
        previous.setDisable(!exam.canGoPrevious());
        previous.setOnAction(e -> exam.previous());
        ToggleButton flag = new ToggleButton(exam.flaggedProperty().get() ? "Flagged" : "Flag for review",
                new FontIcon(Feather.FLAG));
        flag.setId("exam-flag");
        flag.setSelected(exam.flaggedProperty().get());
        flag.setOnAction(e -> exam.flag());
        Button next = new Button("Next", new FontIcon(Feather.ARROW_RIGHT));
        next.setId("exam-next");
        next.setContentDisplay(ContentDisplay.RIGHT);
        next.setDisable(!exam.canGoNext());
        next.setOnAction(e -> exam.next());
        HBox nav = new HBox(previous, flag, next);
        nav.getStyleClass().add("exam-nav");
        nav.setAlignment(Pos.CENTER_LEFT);
        if (draft.type() == QuestionType.ORDERING) {
            Button keep = new Button("Use this order", new FontIcon(Feather.CHECK));
            keep.setId("exam-confirm-order");
            keep.setTooltip(new Tooltip("Records the order shown as your answer without moving anything"));
            keep.setOnAction(e -> draft.confirmOrder());
            nav.getChildren().add(1, keep);
        }
        page.getChildren().setAll(question, nav);
        scroll.setVvalue(0);
        requestFocus();
    }

    private void showGrid() {
        grid.getChildren().clear();
        for (GridItem item : exam.grid()) {
            Button cell = new Button(String.valueOf(item.number()));
            cell.setId("grid-" + item.number());
            cell.getStyleClass().add("grid-cell");
            if (item.answered()) {
                cell.getStyleClass().add("answered");
            }
            if (item.flagged()) {
                // A flag icon as well as the colour, so a flagged cell is plain to see (and not by colour alone).
                cell.getStyleClass().add("flagged");
                FontIcon mark = new FontIcon(Feather.FLAG);
                mark.getStyleClass().add("grid-flag");
                cell.setGraphic(mark);
            }
            if (item.current()) {
                cell.getStyleClass().add("current");
            }
            cell.setTooltip(new Tooltip("Question " + item.number() + (item.answered() ? ", answered" : ", open")
                    + (item.flagged() ? ", flagged" : "")));
            cell.setFocusTraversable(false);
            cell.setOnAction(e -> exam.goTo(item.number() - 1));
            grid.getChildren().add(cell);
        }
    }
}
