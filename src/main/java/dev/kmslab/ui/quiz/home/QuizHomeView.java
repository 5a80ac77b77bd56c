package dev.kmslab.ui.quiz.home;

import dev.kmslab.study.quiz.load.LoadProblem;
import dev.kmslab.study.quiz.srs.Readiness;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The quiz home page: bank problems if any, a card per track with its modes, and the progress panel. */
public final class QuizHomeView extends ScrollPane {

    private final HomeScreens model;
    private final VBox page = new VBox();

    public QuizHomeView(HomeScreens model) {
        this.model = model;
        setId("quiz-home");
        setFitToWidth(true);
        getStyleClass().addAll("page-scroll", "edge-to-edge");
        page.getStyleClass().addAll("page", "quiz-home-page");
        setContent(page);
        model.progress().tracks().addListener((ListChangeListener<TrackSummary>) c -> refresh());
        model.loadingProperty().addListener((obs, was, now) -> refresh());
        model.problems().addListener((ListChangeListener<LoadProblem>) c -> refresh());
        refresh();
    }

    private void refresh() {
        page.getChildren().clear();
        if (model.bankProperty().get() == null) {
            Label loading = new Label(model.loadingProperty().get() ? "Loading the question bank…"
                    : "The question bank is not available.");
            loading.getStyleClass().add("muted");
            page.getChildren().add(loading);
            return;
        }
        Label intro = new Label(model.bankProperty().get().size() + " questions. Every answer — in practice, an "
                + "exam or review — schedules the question for spaced repetition (FSRS): a miss comes back the same "
                + "day, a right answer days later. Keys: 1–6 choose, Enter submits or goes on, N / P next and "
                + "previous, F flags.");
        intro.setWrapText(true);
        intro.getStyleClass().add("muted");
        page.getChildren().add(intro);
        if (!model.problems().isEmpty()) {
            page.getChildren().add(problems());
        }
        FlowPane cards = new FlowPane();
        cards.setId("quiz-track-cards");
        cards.getStyleClass().add("card-grid");
        for (TrackSummary t : model.progress().tracks()) {
            cards.getChildren().add(card(t));
        }
        Label heading = new Label("Progress");
        heading.getStyleClass().add("section-heading");
        page.getChildren().addAll(cards, heading, new ProgressPanel(model));
    }

    private VBox card(TrackSummary t) {
        String id = t.id().toLowerCase(Locale.ROOT);
        Label exam = new Label(t.track().exam());
        exam.getStyleClass().addAll("exam-badge", "exam-badge-" + id);
        if (t.track().retired()) {
            exam.getStyleClass().add("retired");
            exam.setText(t.track().exam() + " · retired");
        }
        Label name = new Label(t.track().name());
        name.getStyleClass().add("card-title");
        name.setWrapText(true);
        Label count = new Label(t.questions() + " questions available", new FontIcon(Feather.HELP_CIRCLE));
        count.setId("quiz-count-" + t.id());
        Label scores = new Label(t.scoreLine(), new FontIcon(Feather.AWARD));
        scores.setId("quiz-scores-" + t.id());
        scores.setWrapText(true);
        Label due = new Label(t.reviewLine(), new FontIcon(Feather.CLOCK));
        due.setId("quiz-due-" + t.id());
        due.setWrapText(true);
        VBox card = new VBox(exam, name, count, scores, due, readiness(t));
        card.setId("quiz-track-" + t.id());
        card.getStyleClass().add("quiz-track-card");
        t.track().noteIfAny().ifPresent(note -> {
            Label retired = new Label(note, new FontIcon(Feather.INFO));
            retired.setWrapText(true);
            retired.getStyleClass().addAll("retired-note", "small-note");
            card.getChildren().add(retired);
        });
        Region grow = new Region();
        VBox.setVgrow(grow, Priority.ALWAYS);
        Button practice = new Button("Practice", new FontIcon(Feather.EDIT_3));
        practice.setId("practice-" + t.id());
        practice.setOnAction(e -> model.openPractice(t.id()));
        Button exam2 = new Button("Exam", new FontIcon(Feather.CLOCK));
        exam2.setId("exam-" + t.id());
        exam2.getStyleClass().add("accent");
        exam2.setTooltip(new Tooltip("Timed exam simulation"));
        exam2.setOnAction(e -> model.openExamSetup(t.id()));
        Button review = new Button("Review", new FontIcon(Feather.REFRESH_CW));
        review.setId("review-" + t.id());
        review.setTooltip(new Tooltip("Review due cards (spaced repetition): " + t.reviewLine()));
        review.setOnAction(e -> model.startReview(t.id()));
        for (Button b : new Button[] {practice, exam2, review}) {
            b.getStyleClass().add("small");
        }
        Button drill = new Button("Drill weakest domain", new FontIcon(Feather.TARGET));
        drill.setId("drill-" + t.id());
        drill.setTooltip(new Tooltip(Readiness.weakest(t.readiness()).map(d -> d.domain() + ": "
                + HomeScreens.DRILL_LENGTH + " questions").orElse("No questions")));
        drill.setDisable(t.questions() == 0);
        drill.setOnAction(e -> model.drillWeakest(t.id()));
        Button mistakes = new Button("My mistakes (" + t.mistakes() + ")", new FontIcon(Feather.X_CIRCLE));
        mistakes.setId("mistakes-" + t.id());
        mistakes.setDisable(t.mistakes() == 0);
        mistakes.setOnAction(e -> model.drillMistakes(t.id()));
        drill.getStyleClass().add("small");
        mistakes.getStyleClass().add("small");
        FlowPane buttons = new FlowPane(practice, exam2, review, drill, mistakes);
        model.savedPractice().filter(p -> p.filter().tracks().contains(t.id())).ifPresent(p -> {
            Button resume = new Button("Resume practice (" + p.progressLine() + ")",
                    new FontIcon(Feather.PLAY_CIRCLE));
            resume.setId("resume-" + t.id());
            resume.getStyleClass().add("small");
            resume.setOnAction(e -> model.resumePractice());
            buttons.getChildren().add(0, resume);
        });
        if (t.track().retired()) {
            // A retired exam can no longer be booked: practice and review keep the learner's progress readable,
            // but no new exam simulation is offered.
            buttons.getChildren().remove(exam2);
        }
        buttons.getStyleClass().add("card-buttons");
        card.getChildren().addAll(grow, buttons);
        return card;
    }

    // Readiness per domain: the mean predicted recall of its questions now; unseen questions count as 0.
    private VBox readiness(TrackSummary t) {
        VBox box = new VBox();
        box.setId("readiness-" + t.id());
        box.getStyleClass().add("readiness");
        Label heading = new Label("Readiness by domain" + (t.track().hasWeights() ? ""
                : " (AWS publishes no weights)"));
        heading.getStyleClass().add("small-note");
        heading.setTooltip(new Tooltip("Mean predicted recall (FSRS retrievability) of the domain's questions "
                + "today; a question never answered counts as 0%."));
        box.getChildren().add(heading);
        int i = 0;
        for (Readiness.DomainReadiness d : t.readiness()) {
            Label name = new Label(d.domain() + (d.weight() > 0 ? " (" + d.weight() + "%)" : ""));
            name.getStyleClass().add("small-note");
            name.setWrapText(true);
            ProgressBar bar = new ProgressBar(d.percent() / 100.0);
            bar.setMaxWidth(Double.MAX_VALUE);
            bar.getStyleClass().add("readiness-bar");
            Label value = new Label(d.percent() + "% · " + d.seen() + "/" + d.total() + " seen");
            value.setId("readiness-" + t.id() + "-" + i++);
            value.getStyleClass().add("small-note");
            value.setMinWidth(Label.USE_PREF_SIZE);
            HBox row = new HBox(bar, value);
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().add("readiness-row");
            HBox.setHgrow(bar, Priority.ALWAYS);
            box.getChildren().addAll(name, row);
        }
        return box;
    }

    private VBox problems() {
        VBox box = new VBox();
        box.setId("quiz-problems");
        box.getStyleClass().add("problem-box");
        Label title = new Label("Some questions could not be loaded and were skipped. Everything else works; "
                + "this is what to fix:");
        title.getStyleClass().add("problem-title");
        title.setWrapText(true);
        box.getChildren().add(title);
        for (LoadProblem p : model.problems()) {
            Label line = new Label("• " + p);
            line.setWrapText(true);
            line.getStyleClass().add("problem-line");
            box.getChildren().add(line);
        }
        Button reload = new Button("Reload question packs", new FontIcon(Feather.REFRESH_CW));
        reload.setId("quiz-reload");
        reload.setOnAction(e -> model.load());
        HBox row = new HBox(reload);
        row.setAlignment(Pos.CENTER_LEFT);
        box.getChildren().add(row);
        return box;
    }
}
