package dev.kmslab.ui.checklists;

import dev.kmslab.study.content.Checklist;
import dev.kmslab.study.content.StudyContent;
import dev.kmslab.study.content.Track;
import dev.kmslab.ui.common.Navigator;
import java.io.File;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import javafx.animation.PauseTransition;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Exam checklists: pick a track, tick what you know, watch the progress bars, reset or export. */
public final class ChecklistView extends VBox {

    private final ChecklistViewModel model;
    private final Navigator navigator;
    // Wraps onto a second row in a narrow window or at a large zoom rather than cutting the exam names.
    private final javafx.scene.layout.FlowPane tracks = new javafx.scene.layout.FlowPane();
    private final VBox body = new VBox();
    private final ScrollPane scroll = new ScrollPane(body);
    private final Map<String, Node> itemNodes = new HashMap<>();

    public ChecklistView(ChecklistViewModel model, Navigator navigator) {
        this.model = model;
        this.navigator = navigator;
        setId("checklist-view");
        getStyleClass().add("checklist-view");
        ProgressBar overallBar = new ProgressBar();
        overallBar.setId("overall-progress");
        overallBar.progressProperty().bind(model.overallProperty());
        overallBar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(overallBar, Priority.ALWAYS);
        Label overallLabel = new Label();
        overallLabel.setId("overall-label");
        overallLabel.textProperty().bind(model.overallProperty().multiply(100).asString("All tracks: %.0f%%"));
        HBox overall = new HBox(overallLabel, overallBar);
        overall.setAlignment(Pos.CENTER_LEFT);
        overall.getStyleClass().add("overall-row");
        tracks.getStyleClass().add("track-tabs");
        Label error = new Label();
        error.setId("checklist-error");
        error.getStyleClass().add("error-text");
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        body.getStyleClass().add("page");
        getChildren().addAll(overall, tracks, error, scroll);
        model.contentProperty().addListener((obs, was, now) -> rebuild());
        model.trackProperty().addListener((obs, was, now) -> rebuildBody());
        model.resetsProperty().addListener((obs, was, now) -> rebuildBody());
        model.highlightedProperty().addListener((obs, was, now) -> highlight(now));
        rebuild();
    }

    private void rebuild() {
        tracks.getChildren().clear();
        StudyContent content = model.contentProperty().get();
        if (content == null) {
            return;
        }
        ToggleGroup group = new ToggleGroup();
        for (Checklist list : content.checklists()) {
            ToggleButton tab = new ToggleButton();
            tab.setId("track-" + list.track());
            tab.setToggleGroup(group);
            tab.getStyleClass().add("track-tab");
            String exam = content.track(list.track()).map(Track::exam).orElse(list.track());
            tab.setText(exam);
            tab.setSelected(list.track().equals(model.trackProperty().get()));
            tab.setOnAction(e -> {
                tab.setSelected(true);
                model.showTrack(list.track());
            });
            tracks.getChildren().add(tab);
        }
        model.trackProperty().addListener((obs, was, now) -> tracks.getChildren().forEach(n ->
                ((ToggleButton) n).setSelected(n.getId().equals("track-" + now))));
        rebuildBody();
    }

    private void rebuildBody() {
        body.getChildren().clear();
        itemNodes.clear();
        model.checklist().ifPresentOrElse(this::fill, () -> {
            Label none = new Label(model.contentProperty().get() == null ? "Loading the checklists…"
                    : "There is no checklist for " + model.trackProperty().get() + ".");
            none.getStyleClass().add("muted");
            body.getChildren().add(none);
        });
        scroll.setVvalue(0);
    }

    private void fill(Checklist list) {
        Label title = new Label(list.title());
        title.setId("checklist-title");
        title.getStyleClass().add("title-2");
        body.getChildren().add(title);
        model.trackInfo().filter(Track::retired).ifPresent(t -> {
            Label retired = new Label(t.exam() + " is retired. " + t.retiredNote(), new FontIcon(Feather.INFO));
            retired.setId("retired-note");
            retired.setWrapText(true);
            retired.getStyleClass().add("retired-note");
            body.getChildren().add(retired);
        });
        if (!list.intro().isBlank()) {
            Label intro = new Label(list.intro());
            intro.setWrapText(true);
            intro.getStyleClass().add("checklist-intro");
            body.getChildren().add(intro);
        }
        body.getChildren().add(progressRow());
        for (Checklist.Group group : list.domains()) {
            Label domain = new Label(group.name());
            domain.getStyleClass().add("domain-heading");
            body.getChildren().add(domain);
            for (Checklist.Item item : group.items()) {
                Node node = item(item);
                itemNodes.put(item.id(), node);
                body.getChildren().add(node);
            }
        }
    }

    private HBox progressRow() {
        ProgressBar bar = new ProgressBar();
        bar.setId("track-progress");
        bar.progressProperty().bind(model.fractionProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        Label count = new Label();
        count.setId("track-count");
        count.textProperty().bind(model.tickedProperty().asString().concat(" of ")
                .concat(model.totalProperty().asString()).concat(" done"));
        Button reset = new Button("Reset", new FontIcon(Feather.ROTATE_CCW));
        reset.setId("reset-track");
        reset.setOnAction(e -> model.askReset());
        Button export = new Button("Export Markdown", new FontIcon(Feather.DOWNLOAD));
        export.setId("export-track");
        export.setOnAction(e -> model.export());
        // The bar shrinks in a narrow window or at a large zoom; the count and the buttons keep their text.
        for (javafx.scene.control.Control c : new javafx.scene.control.Control[] {count, reset, export}) {
            c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        HBox row = new HBox(count, bar, reset, export);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("progress-row");
        return row;
    }

    private Node item(Checklist.Item item) {
        CheckBox box = new CheckBox(item.text());
        box.setId("check-" + item.id());
        box.setWrapText(true);
        box.setSelected(model.isTicked(item.id()));
        box.getStyleClass().add("check-item");
        box.selectedProperty().addListener((obs, was, now) -> {
            if (!model.setTicked(item.id(), now)) {
                box.setSelected(was);
            }
        });
        Label explanation = new Label(item.explanation());
        explanation.setWrapText(true);
        explanation.getStyleClass().add("check-explanation");
        VBox text = new VBox(box, explanation);
        if (item.concept() != null && model.contentProperty().get().concept(item.concept()).isPresent()) {
            String conceptTitle = model.contentProperty().get().concept(item.concept()).get().title();
            Hyperlink read = new Hyperlink("Read: " + conceptTitle);
            read.getStyleClass().add("check-link");
            read.setOnAction(e -> navigator.showConcept(item.concept()));
            text.getChildren().add(read);
        }
        text.getStyleClass().add("check-row");
        return text;
    }

    private void highlight(String itemId) {
        Node node = itemId == null ? null : itemNodes.get(itemId);
        if (node == null) {
            return;
        }
        node.getStyleClass().add("flash");
        // Scroll after layout so the target's position within the page is known.
        javafx.application.Platform.runLater(() -> {
            Bounds content = body.getLayoutBounds();
            Bounds target = node.getBoundsInParent();
            double viewport = scroll.getViewportBounds().getHeight();
            double range = content.getHeight() - viewport;
            scroll.setVvalue(range <= 0 ? 0 : Math.min(1, Math.max(0, (target.getMinY() - 24) / range)));
        });
        PauseTransition fade = new PauseTransition(Duration.seconds(2));
        fade.setOnFinished(e -> node.getStyleClass().remove("flash"));
        fade.play();
        if (node instanceof VBox row && !row.getChildren().isEmpty()) {
            row.getChildren().get(0).requestFocus();
        }
    }
}
