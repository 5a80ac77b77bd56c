package dev.kmslab.ui.keylab.policies;

import dev.kmslab.ui.keylab.common.ErrorBox;
import dev.kmslab.ui.keylab.keys.KeysViewModel;
import javafx.animation.PauseTransition;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Policies tab: the key policy editor with live validation and templates on the left; the simulator and the
 * principals panel on the right.
 */
public final class PoliciesView extends BorderPane {

    /** How long typing must pause before the text is validated again. */
    static final Duration VALIDATE_DELAY = Duration.millis(250);

    private final PolicyEditorViewModel editor;
    private final JsonEditor text = new JsonEditor();

    public PoliciesView(PolicyEditorViewModel editor, SimulatorViewModel simulator, PrincipalsViewModel principals,
                        KeysViewModel keys) {
        this.editor = editor;
        setId("policies-view");
        setTop(toolbar(keys));
        VBox sideContent = new VBox(24, new SimulatorPane(simulator),
                new PrincipalsPane(principals, simulator.principals()));
        sideContent.setPadding(new javafx.geometry.Insets(12, 16, 16, 12));
        ScrollPane side = new ScrollPane(sideContent);
        side.setFitToWidth(true);
        side.getStyleClass().add("lab-side");
        VBox editorPane = editorPane();
        SplitPane split = new SplitPane(editorPane, side);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.56);
        // On a narrow window (1024 px, or a large zoom) the simulator beside the editor would be cut at its right
        // edge: the editor keeps a sensible height and the simulator and principals move below it, all in one
        // scrolling page.
        VBox below = new VBox();
        ScrollPane narrow = new ScrollPane(below);
        narrow.setId("policies-narrow");
        narrow.setFitToWidth(true);
        narrow.getStyleClass().add("lab-side");
        Runnable arrange = () -> {
            boolean isNarrow = getWidth() > 0 && getWidth() < NARROW_EMS * fontSize();
            if (isNarrow && getCenter() != narrow) {
                split.getItems().clear();
                // Set back to null, so setting it again later is a change the scroll pane's skin sees.
                side.setContent(null);
                editorPane.setMinHeight(EDITOR_EMS * fontSize());
                editorPane.setPrefHeight(EDITOR_EMS * fontSize());
                below.getChildren().setAll(editorPane, sideContent);
                setCenter(narrow);
            } else if (!isNarrow && getCenter() != split) {
                below.getChildren().clear();
                editorPane.setMinHeight(USE_COMPUTED_SIZE);
                editorPane.setPrefHeight(USE_COMPUTED_SIZE);
                side.setContent(sideContent);
                split.getItems().setAll(editorPane, side);
                split.setDividerPositions(0.56);
                setCenter(split);
            } else if (isNarrow) {
                editorPane.setMinHeight(EDITOR_EMS * fontSize());
                editorPane.setPrefHeight(EDITOR_EMS * fontSize());
            }
        };
        setCenter(split);
        widthProperty().addListener((obs, was, now) -> arrange.run());
        fontProbe.fontProperty().addListener((obs, was, now) -> arrange.run());
        getChildren().add(fontProbe);
        fontProbe.setManaged(false);
        fontProbe.setVisible(false);
    }

    /** Below this width, in ems of the Key Lab's type, the simulator moves under the editor. */
    static final double NARROW_EMS = 64;

    /** The editor's height, in ems, while the simulator is below it. */
    static final double EDITOR_EMS = 20;

    // A label that follows the zoom (the root's font size), to turn ems into pixels.
    private final Label fontProbe = new Label();

    private double fontSize() {
        return fontProbe.getFont().getSize();
    }

    /** The tab with its three view-models over one session; the simulator marks its answer in the editor. */
    public static PoliciesView create(dev.kmslab.ui.keylab.common.KeyLabSession session, KeysViewModel keys) {
        PolicyEditorViewModel editor = new PolicyEditorViewModel(session);
        SimulatorViewModel simulator = new SimulatorViewModel(session, editor::showDecidingStatement);
        return new PoliciesView(editor, simulator, new PrincipalsViewModel(session), keys);
    }

    private VBox toolbar(KeysViewModel keys) {
        ComboBox<PolicyTemplates.Template> templates = new ComboBox<>();
        templates.getItems().setAll(PolicyTemplates.ALL);
        templates.setId("policy-template");
        templates.setPromptText("Template…");
        Button use = new Button("Use template", new FontIcon(Feather.FILE_TEXT));
        use.setId("policy-template-use");
        use.disableProperty().bind(templates.valueProperty().isNull());
        use.setOnAction(e -> editor.applyTemplate(templates.getValue()));
        Label templateHelp = new Label();
        templateHelp.getStyleClass().add("muted");
        templateHelp.setWrapText(true);
        templates.valueProperty().addListener((obs, was, now) -> templateHelp.setText(
                now == null ? "" : now.description()));
        Button reload = new Button("Reload", new FontIcon(Feather.ROTATE_CCW));
        reload.setId("policy-reload");
        reload.setTooltip(new Tooltip("GetKeyPolicy: discard edits and show the saved policy"));
        reload.setOnAction(e -> editor.load());
        Button save = new Button("Save (PutKeyPolicy)", new FontIcon(Feather.SAVE));
        save.setId("policy-save");
        save.getStyleClass().add("accent");
        save.setOnAction(e -> editor.save());
        CheckBox bypass = new CheckBox("Bypass lockout safety check");
        bypass.setId("policy-bypass");
        bypass.selectedProperty().bindBidirectional(editor.bypassLockoutCheckProperty());
        bypass.setTooltip(new Tooltip("The check refuses a policy that would stop you from changing it again. "
                + "Bypassing it can make a key unmanageable."));
        templateHelp.managedProperty().bind(templateHelp.textProperty().isNotEmpty());
        templateHelp.visibleProperty().bind(templateHelp.managedProperty());
        // Wraps the safety check onto its own line on a narrow window rather than squeezing the key's name.
        javafx.scene.layout.FlowPane keyRow = new javafx.scene.layout.FlowPane(8, 6,
                new KeyPicker("policy-key", keys), reload, save, bypass);
        keyRow.setId("policy-key-row");
        keyRow.setAlignment(Pos.CENTER_LEFT);
        Label startFrom = new Label("Start from");
        startFrom.setMinWidth(Label.USE_PREF_SIZE);
        templates.setPrefWidth(300);
        templates.setMinWidth(Label.USE_PREF_SIZE);
        HBox templateRow = new HBox(8, startFrom, templates, use, templateHelp);
        templateRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(templateHelp, Priority.ALWAYS);
        for (javafx.scene.control.Control c : new javafx.scene.control.Control[] {reload, save, bypass, use}) {
            c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        VBox top = new VBox(6, keyRow, templateRow);
        top.getStyleClass().add("lab-toolbar");
        return top;
    }

    private VBox editorPane() {
        text.setId("policy-editor");
        text.getStyleClass().add("policy-editor");
        // The editor's text follows the view-model both ways; the guards stop the two listeners echoing each other.
        text.replaceText(editor.textProperty().get() == null ? "" : editor.textProperty().get());
        editor.textProperty().addListener((obs, was, now) -> {
            String value = now == null ? "" : now;
            if (!value.equals(text.getText())) {
                text.replaceText(value);
            }
        });
        text.textProperty().addListener((obs, was, now) -> {
            if (!now.equals(editor.textProperty().get())) {
                editor.textProperty().set(now);
            }
        });
        PauseTransition debounce = new PauseTransition(VALIDATE_DELAY);
        debounce.setOnFinished(e -> editor.validate());
        text.textProperty().addListener((obs, was, now) -> debounce.playFromStart());
        editor.problemProperty().addListener((obs, was, now) -> {
            text.getStyleClass().remove("policy-editor-invalid");
            if (now != null) {
                text.getStyleClass().add("policy-editor-invalid");
            }
            text.markLine(now == null ? -1 : now.line() - 1);
        });
        editor.highlightProperty().addListener((obs, was, now) -> {
            if (now != null) {
                text.requestFocus();
                // The caret goes to the start so the text scrolls to the top of the marked range.
                text.selectRange(now.end(), now.start());
                scrollToLine(PolicyText.lineOf(text.getText(), now.start()));
            }
        });
        org.fxmisc.flowless.VirtualizedScrollPane<JsonEditor> scroll = new org.fxmisc.flowless.VirtualizedScrollPane<>(text);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        Label validity = new Label();
        validity.setId("policy-validity");
        validity.setWrapText(true);
        validity.textProperty().bind(editor.validityProperty());
        editor.problemProperty().addListener((obs, was, now) -> styleValidity(validity, now == null));
        styleValidity(validity, editor.problemProperty().get() == null);
        Button show = new Button("Show");
        show.setId("policy-show-problem");
        show.getStyleClass().add("small");
        show.visibleProperty().bind(editor.problemProperty().isNotNull());
        show.managedProperty().bind(show.visibleProperty());
        show.setOnAction(e -> editor.showProblem());
        HBox validityRow = new HBox(8, validity, show);
        validityRow.setAlignment(Pos.CENTER_LEFT);
        Label status = new Label();
        status.setId("policy-status");
        status.getStyleClass().add("lab-status");
        status.setWrapText(true);
        status.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        status.textProperty().bind(editor.statusProperty());
        VBox pane = new VBox(6, scroll, validityRow, status, new ErrorBox("policy-error", editor.errorProperty()));
        pane.getStyleClass().add("lab-page");
        return pane;
    }

    // Put the marked range's first line near the top rather than wherever the caret happens to land.
    private void scrollToLine(int line) {
        javafx.application.Platform.runLater(() -> text.showParagraphAtTop(Math.max(0, line - 3)));
    }

    private static void styleValidity(Label label, boolean valid) {
        label.getStyleClass().removeAll("policy-ok", "policy-problem");
        label.getStyleClass().add(valid ? "policy-ok" : "policy-problem");
    }
}
