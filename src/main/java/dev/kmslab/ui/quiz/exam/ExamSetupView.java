package dev.kmslab.ui.quiz.exam;

import dev.kmslab.ui.common.NumberSpinners;
import dev.kmslab.study.quiz.Domain;
import dev.kmslab.study.quiz.Track;
import dev.kmslab.study.quiz.exam.ExamSession;
import dev.kmslab.ui.quiz.common.QuizPages;
import java.time.Duration;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Before an exam: its rules, the number of questions (20 by default) and the time that follows from it. */
public final class ExamSetupView extends VBox {

    public ExamSetupView(ExamScreens model, String trackId) {
        setId("exam-setup");
        Track track = model.bankProperty().get().catalog().requireTrack(trackId);
        int available = model.bankProperty().get().forTrack(trackId).size();
        VBox page = new VBox(QuizPages.toolbar(model, track.exam() + " exam simulation"));
        Label rules = new Label((track.hasWeights() ? "A timed mini exam drawn across the exam domains by their "
                + "weights (largest-remainder rounding)." : "A timed mini exam drawn evenly across the exam domains, "
                + "since AWS publishes no weights for them.") + " No feedback "
                + "until you submit; flag questions to come back to them and use the grid to move around. When the "
                + "time is up the exam is submitted as it stands. The score is put on the 100–1000 scale against "
                + "the pass mark of " + track.passMark() + " (a straight-line approximation: AWS does not publish "
                + "its scaling).");
        rules.setWrapText(true);
        Spinner<Integer> count = new Spinner<>(1, Math.max(1, available),
                Math.min(ExamSession.DEFAULT_QUESTIONS, Math.max(1, available)));
        count.setId("exam-count");
        NumberSpinners.editable(count);
        count.setPrefWidth(110);
        Label time = new Label();
        time.setId("exam-time");
        Runnable updateTime = () -> time.setText("questions · " + minutes(track.timePerQuestion()
                .multipliedBy(count.getValue())) + " (the real " + track.exam() + " gives " + track.minutes()
                + " minutes for " + track.questions() + " questions)");
        count.valueProperty().addListener((obs, was, now) -> updateTime.run());
        updateTime.run();
        HBox sizeRow = new HBox(count, time);
        sizeRow.setAlignment(Pos.CENTER_LEFT);
        sizeRow.getStyleClass().add("setup-row");
        VBox weights = new VBox();
        weights.getStyleClass().add("domain-weights");
        for (Domain d : track.domains()) {
            weights.getChildren().add(new Label("• " + d.name()
                    + (track.hasWeights() ? " — " + d.weight() + "%" : "")));
        }
        if (!track.hasWeights()) {
            Label none = new Label("AWS publishes no weights for these domains.");
            none.setId("exam-no-weights");
            none.getStyleClass().add("muted");
            weights.getChildren().add(none);
        }
        // Figures that AWS's own text could not confirm are said to be unconfirmed, next to where they are used.
        track.noteIfAny().filter(n -> !track.retired()).ifPresent(n -> {
            Label note = new Label(n);
            note.setId("exam-track-note");
            note.setWrapText(true);
            note.getStyleClass().add("muted");
            weights.getChildren().add(note);
        });
        if (!track.questionTypes().isEmpty()) {
            Label types = new Label("Question types in the real exam: " + String.join(", ", track.questionTypes())
                    + ".");
            types.setId("exam-question-types");
            types.setWrapText(true);
            types.getStyleClass().add("muted");
            weights.getChildren().add(types);
        }
        Button start = new Button("Start exam", new FontIcon(Feather.PLAY));
        start.setId("exam-start");
        start.getStyleClass().add("accent");
        start.setDefaultButton(true);
        start.setDisable(available == 0 || track.retired());
        start.setOnAction(e -> {
            try {
                count.commitValue();
            } catch (NumberFormatException bad) {
                count.cancelEdit();
            }
            model.startExam(trackId, count.getValue());
        });
        Label heading = new Label(track.hasWeights() ? "Domains and weights" : "Domains");
        heading.getStyleClass().add("panel-heading");
        page.getChildren().addAll(rules, sizeRow, heading, weights, start);
        var scroll = QuizPages.scroll("exam-setup-scroll", page);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().add(scroll);
    }

    private static String minutes(Duration d) {
        long s = d.getSeconds();
        return s % 60 == 0 ? (s / 60) + " minutes" : (s / 60) + " min " + (s % 60) + " s";
    }
}
