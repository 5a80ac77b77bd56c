package dev.kmslab.ui.quiz.practice;

import dev.kmslab.study.quiz.Topic;
import dev.kmslab.study.quiz.Track;
import dev.kmslab.study.quiz.practice.PracticeSession;
import dev.kmslab.ui.quiz.common.QuizPages;
import java.util.Set;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Practice setup: tick tracks, domains and topics (none ticked means any), see how many questions match, start. */
public final class PracticeSetupView extends VBox {

    private final PracticeSetupViewModel setup;
    private final FlowPane domainBoxes = new FlowPane();

    public PracticeSetupView(PracticeSetupViewModel setup, PracticeScreens model) {
        this.setup = setup;
        setId("practice-setup");
        VBox page = new VBox(QuizPages.toolbar(model, "Practice: choose what to study"));
        FlowPane trackBoxes = boxes(setup.allTracks(), Track::id, t -> t.exam() + " " + t.name(), "practice-track-",
                setup.tracks());
        FlowPane topicBoxes = boxes(setup.allTopics(), Topic::id, Topic::title, "practice-topic-", setup.topics());
        domainBoxes.getStyleClass().add("choice-grid");
        setup.availableDomains().addListener((ListChangeListener<String>) c -> fillDomains());
        fillDomains();
        Label count = new Label();
        count.setId("practice-count");
        count.textProperty().bind(setup.matchingProperty().asString("%d questions match"));
        Button start = new Button("Start practice", new FontIcon(Feather.PLAY));
        start.setId("practice-start");
        start.getStyleClass().add("accent");
        start.setDefaultButton(true);
        start.disableProperty().bind(setup.matchingProperty().isEqualTo(0));
        start.setOnAction(e -> model.startPractice(setup.filter(), setup.lengthProperty().get()));
        // Session length: 10, 20 or every matching question; an unfinished session can be resumed from quiz home.
        ToggleGroup lengths = new ToggleGroup();
        HBox lengthRow = new HBox();
        lengthRow.setAlignment(Pos.CENTER_LEFT);
        lengthRow.getStyleClass().add("grade-row");
        for (int n : PracticeSetupViewModel.LENGTHS) {
            ToggleButton b = new ToggleButton(n == PracticeSession.ALL ? "All" : String.valueOf(n));
            b.setId("practice-length-" + (n == PracticeSession.ALL ? "all" : n));
            b.setToggleGroup(lengths);
            b.setSelected(setup.lengthProperty().get() == n);
            b.setOnAction(e -> {
                setup.setLength(n);
                b.setSelected(true);
            });
            lengthRow.getChildren().add(b);
        }
        Label per = new Label("questions per session ·");
        per.getStyleClass().add("muted");
        HBox footer = new HBox(lengthRow, per, count, start);
        footer.setAlignment(Pos.CENTER_LEFT);
        footer.getStyleClass().add("setup-footer");
        // The start row comes first so it stays in view however long the topic list grows.
        page.getChildren().addAll(footer, heading("Tracks"), trackBoxes, heading("Exam domains"), domainBoxes,
                heading("Topics"), topicBoxes);
        getChildren().add(QuizPages.scroll("practice-setup-scroll", page));
        VBox.setVgrow(getChildren().get(0), Priority.ALWAYS);
    }

    private static Label heading(String text) {
        Label l = new Label(text + " (none ticked: any)");
        l.getStyleClass().add("panel-heading");
        return l;
    }

    private <T> FlowPane boxes(Iterable<T> items, Function<T, String> id, Function<T, String> text, String prefix,
                               Set<String> chosen) {
        FlowPane pane = new FlowPane();
        pane.getStyleClass().add("choice-grid");
        for (T item : items) {
            pane.getChildren().add(box(id.apply(item), text.apply(item), prefix, chosen));
        }
        return pane;
    }

    private static CheckBox box(String id, String text, String prefix, Set<String> chosen) {
        CheckBox box = new CheckBox(text);
        box.setId(prefix + id.replaceAll("[^A-Za-z0-9_-]", "-"));
        box.getStyleClass().add("practice-choice");
        box.setSelected(chosen.contains(id));
        box.selectedProperty().addListener((obs, was, now) -> {
            if (now) {
                chosen.add(id);
            } else {
                chosen.remove(id);
            }
        });
        return box;
    }

    private void fillDomains() {
        domainBoxes.getChildren().clear();
        for (String d : setup.availableDomains()) {
            domainBoxes.getChildren().add(box(d, d, "practice-domain-", setup.domains()));
        }
    }
}
