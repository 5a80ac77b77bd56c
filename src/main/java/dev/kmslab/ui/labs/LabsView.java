package dev.kmslab.ui.labs;

import dev.kmslab.study.labs.CheckResult;
import dev.kmslab.study.labs.Lab;
import dev.kmslab.study.labs.LabDomain;
import dev.kmslab.study.labs.LabStep;
import dev.kmslab.ui.common.HoverTooltip;
import java.util.stream.Collectors;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Labs section: the catalogue on the left (filtered by track, with a tick for passed labs), the open lab on the
 * right — scenario, steps with hints, "Open in Key Lab", "Check my work" with each check's result and reason, the
 * reference solution and "Reset lab".
 */
public final class LabsView extends SplitPane {

    private final LabsViewModel model;
    private final VBox page = new VBox();
    private final VBox steps = new VBox();
    private final VBox results = new VBox();
    private final VBox materials = new VBox(4);

    public LabsView(LabsViewModel model) {
        this.model = model;
        setId("labs-view");
        getStyleClass().add("labs-view");
        getItems().addAll(catalogue(), pageScroll());
        setDividerPositions(0.3);
        model.labProperty().addListener((obs, was, now) -> showLab(now));
        model.hintRevisionProperty().addListener((obs, was, now) -> showSteps(model.labProperty().get()));
        model.results().addListener((ListChangeListener<CheckResult>) c -> showResults());
        model.sandboxRevisionProperty().addListener((obs, was, now) -> showMaterials());
        model.labProperty().addListener((obs, was, now) -> showMaterials());
        showLab(model.labProperty().get());
    }

    private VBox catalogue() {
        ComboBox<String> filter = new ComboBox<>(model.trackChoices());
        filter.setId("labs-track-filter");
        filter.valueProperty().bindBidirectional(model.trackFilterProperty());
        filter.setMaxWidth(Double.MAX_VALUE);
        HoverTooltip.install(filter, "Show the labs of one exam track");
        ListView<LabsViewModel.LabRow> list = new ListView<>(model.rows());
        list.setId("labs-list");
        list.setCellFactory(v -> new ListCell<>() {
            {
                // A zero preferred width makes the cell take the list's width and wrap long titles.
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(LabsViewModel.LabRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setText(null);
                    setGraphic(null);
                    setId(null);
                    return;
                }
                setId("lab-row-" + row.id());
                setText(null);
                FontIcon icon = new FontIcon(row.passed() ? Feather.CHECK_CIRCLE : row.started() ? Feather.CLOCK
                        : Feather.CIRCLE);
                icon.getStyleClass().add(row.passed() ? "lab-passed-icon" : "lab-open-icon");
                Label title = new Label(row.title());
                title.setWrapText(true);
                title.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // grow to show the wrapped lines
                Label tracks = new Label(String.join(" · ", row.tracks()));
                tracks.getStyleClass().add("muted");
                tracks.setWrapText(true);
                tracks.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
                VBox text = new VBox(1, title, tracks);
                text.setMinWidth(0);
                HBox.setHgrow(text, Priority.ALWAYS);
                HBox box = new HBox(8, icon, text);
                box.setAlignment(Pos.CENTER_LEFT);
                box.setMinWidth(0);
                box.prefWidthProperty().bind(widthProperty().subtract(24));
                setGraphic(box);
            }
        });
        // Opening refreshes the rows (started / passed marks), which a ListView must not see in its own selection
        // event; so it opens just after, and the open lab's row is selected again whenever the rows change.
        list.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null) {
                javafx.application.Platform.runLater(() -> model.open(now.id()));
            }
        });
        model.rows().addListener((ListChangeListener<LabsViewModel.LabRow>) c -> javafx.application.Platform
                .runLater(() -> {
                    Lab open = model.labProperty().get();
                    if (open != null) {
                        model.rows().stream().filter(r -> r.id().equals(open.id())).findFirst()
                                .ifPresent(r -> list.getSelectionModel().select(r));
                    }
                }));
        VBox.setVgrow(list, Priority.ALWAYS);
        Label problems = new Label();
        problems.setId("labs-problems");
        problems.getStyleClass().add("error-text");
        problems.setWrapText(true);
        model.problems().addListener((ListChangeListener<String>) c -> problems.setText(
                model.problems().isEmpty() ? "" : "Skipped lab files:\n" + String.join("\n", model.problems())));
        problems.visibleProperty().bind(problems.textProperty().isNotEmpty());
        problems.managedProperty().bind(problems.visibleProperty());
        VBox box = new VBox(8, filter, list, problems);
        box.getStyleClass().add("labs-catalogue");
        return box;
    }

    private ScrollPane pageScroll() {
        page.getStyleClass().addAll("page", "lab-page");
        page.setId("lab-page");
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        return scroll;
    }

    private void showLab(Lab lab) {
        page.getChildren().clear();
        if (lab == null) {
            Label empty = new Label("Pick a lab on the left. Each lab gives you a task in a sandbox of its own — "
                    + "your own Key Lab keys are never touched — and \"Check my work\" grades what you built with "
                    + "the real key engine.");
            empty.setId("labs-empty");
            empty.setWrapText(true);
            empty.getStyleClass().add("muted");
            page.getChildren().add(empty);
            return;
        }
        Label title = new Label(lab.title());
        title.setId("lab-title");
        title.getStyleClass().add("lab-title");
        title.setWrapText(true);
        FlowPane tags = new FlowPane(6, 6);
        for (LabDomain d : lab.domains()) {
            Label chip = new Label(d.track() + " · " + d.domain());
            chip.getStyleClass().add("lab-chip");
            tags.getChildren().add(chip);
        }
        Label scenario = new Label(lab.scenario());
        scenario.setId("lab-scenario");
        scenario.setWrapText(true);
        // The commands and their results come first, so they stay in view whatever the window's height.
        page.getChildren().addAll(title, tags, actions(), statusLabel(), results, heading("Scenario"), scenario);
        lab.simulationNote().ifPresent(note -> {
            Label n = new Label("Simulated: " + note);
            n.setId("lab-simulation-note");
            n.setWrapText(true);
            n.getStyleClass().add("retired-note");
            page.getChildren().add(n);
        });
        page.getChildren().addAll(materials, heading("Steps"), steps, solutionArea());
        showMaterials();
        showSteps(lab);
        showResults();
    }

    /** The sandbox's keys (lab name → key id) and the ciphertexts the lab saved, ready to copy into the Key Lab. */
    private void showMaterials() {
        materials.getChildren().clear();
        materials.setId("lab-materials");
        model.sandbox().ifPresent(sandbox -> {
            materials.getChildren().add(heading("In the sandbox"));
            sandbox.keys().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).forEach(e -> {
                Label key = new Label("Key \"" + e.getKey() + "\": " + e.getValue());
                key.getStyleClass().add("muted");
                materials.getChildren().add(key);
            });
            sandbox.savedBase64().forEach((name, base64) -> {
                javafx.scene.control.TextField value = new javafx.scene.control.TextField(base64);
                value.setId("lab-saved-" + name);
                value.setEditable(false);
                HBox.setHgrow(value, Priority.ALWAYS);
                Button copy = new Button("Copy", new FontIcon(Feather.COPY));
                copy.getStyleClass().addAll("small", "flat");
                copy.setOnAction(e -> {
                    javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
                    content.putString(base64);
                    javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
                });
                HBox row = new HBox(6, new Label(name), value, copy);
                row.setAlignment(Pos.CENTER_LEFT);
                materials.getChildren().add(row);
            });
        });
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("domain-heading");
        return l;
    }

    private void showSteps(Lab lab) {
        steps.getChildren().clear();
        if (lab == null) {
            return;
        }
        for (int i = 0; i < lab.steps().size(); i++) {
            LabStep step = lab.steps().get(i);
            Label text = new Label((i + 1) + ". " + step.text());
            text.setWrapText(true);
            text.getStyleClass().add("check-item");
            VBox box = new VBox(4, text);
            box.getStyleClass().add("check-row");
            for (String hint : model.visibleHints(i)) {
                Label h = new Label(hint, new FontIcon(Feather.HELP_CIRCLE));
                h.setWrapText(true);
                h.getStyleClass().addAll("check-explanation", "lab-hint");
                box.getChildren().add(h);
            }
            if (model.moreHints(i)) {
                int index = i;
                Button more = new Button(model.visibleHints(i).isEmpty() ? "Show a hint" : "Another hint");
                more.setId("lab-hint-" + i);
                more.getStyleClass().addAll("small", "flat");
                more.setOnAction(e -> model.revealHint(index));
                box.getChildren().add(more);
            }
            steps.getChildren().add(box);
        }
        Label used = new Label("Hints used: " + model.hintsUsed() + " of " + lab.hintCount());
        used.setId("lab-hints-used");
        used.getStyleClass().add("muted");
        steps.getChildren().add(used);
    }

    private HBox actions() {
        Button open = new Button("Open in Key Lab", new FontIcon(Feather.LOCK));
        open.setId("lab-open-keylab");
        HoverTooltip.install(open, "Work on the lab's sandbox in the Key Lab (your own keys stay as they are)");
        open.setOnAction(e -> model.openInKeyLab());
        Button check = new Button("Check my work", new FontIcon(Feather.CHECK_SQUARE));
        check.setId("lab-check");
        check.getStyleClass().add("accent");
        check.setOnAction(e -> model.checkMyWork());
        Button solution = new Button("Show solution", new FontIcon(Feather.EYE));
        solution.setId("lab-show-solution");
        solution.setOnAction(e -> model.showSolution());
        Button reset = new Button("Reset lab", new FontIcon(Feather.ROTATE_CCW));
        reset.setId("lab-reset");
        HoverTooltip.install(reset, "Throw the sandbox away and start the lab again");
        reset.setOnAction(e -> model.reset());
        open.disableProperty().bind(model.busyProperty());
        check.disableProperty().bind(model.busyProperty());
        reset.disableProperty().bind(model.busyProperty());
        HBox row = new HBox(8, open, check, solution, reset);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("lab-actions");
        return row;
    }

    private Label statusLabel() {
        Label status = new Label();
        status.setId("lab-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        return status;
    }

    private void showResults() {
        results.getChildren().clear();
        results.setId("lab-results");
        for (CheckResult r : model.results()) {
            Label title = new Label(r.title(), new FontIcon(r.passed() ? Feather.CHECK_CIRCLE : Feather.X_CIRCLE));
            title.getStyleClass().addAll("check-item", r.passed() ? "lab-check-passed" : "lab-check-failed");
            title.setWrapText(true);
            Label reason = new Label(r.reason());
            reason.setId("lab-check-reason-" + r.id());
            reason.setWrapText(true);
            reason.getStyleClass().add("check-explanation");
            VBox row = new VBox(2, title, reason);
            row.setId("lab-check-" + r.id());
            row.getStyleClass().addAll("check-row", r.passed() ? "passed" : "failed");
            results.getChildren().add(row);
        }
    }

    private TextArea solutionArea() {
        TextArea area = new TextArea();
        area.setId("lab-solution");
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefRowCount(10);
        area.textProperty().bind(model.solutionProperty());
        area.visibleProperty().bind(model.solutionProperty().isNotEmpty());
        area.managedProperty().bind(area.visibleProperty());
        return area;
    }

    /** Track ids joined for a tooltip or a row. */
    static String tracks(Lab lab) {
        return lab.tracks().stream().collect(Collectors.joining(" · "));
    }
}
