package dev.kmslab.ui.flows;

import dev.kmslab.flow.FlowHtmlExporter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The Flows section: the catalogue, or the player once a flow is open, with presenter mode (the player alone in a
 * full-screen window, large type, high contrast) and exports to a folder the learner picks.
 */
public final class FlowsView extends StackPane {

    private final FlowsViewModel vm;
    private final FlowCatalogueView catalogue;
    private final FlowPlayerView player;
    private final VBox waiting = new VBox();
    private final Label status = new Label();
    private dev.kmslab.ui.common.DialogService dialogs = new dev.kmslab.ui.common.FxDialogService(this);
    private Stage presenterStage;
    // Presenter type: PRESENTER_PX at 1280x800, scaled with the window (a projector at 1920x1080 gets larger type)
    // and by the presenter's own zoom (Ctrl+= / Ctrl+- / Ctrl+0 in the presenter window).
    static final double PRESENTER_PX = 17;
    static final String EXPORT_TITLE = "Export to folder";
    private final javafx.beans.property.DoubleProperty presenterZoom = new javafx.beans.property.SimpleDoubleProperty(1);
    private Runnable presenterResize = () -> { };

    public FlowsView(FlowsViewModel vm) {
        this.vm = vm;
        setId("flows-view");
        catalogue = new FlowCatalogueView(vm);
        player = new FlowPlayerView(vm, this::exportHtml, this::exportFrames);
        ProgressIndicator spinner = new ProgressIndicator();
        Label recording = new Label("Recording the flow on the key engine…");
        waiting.getChildren().addAll(spinner, recording);
        waiting.getStyleClass().add("flow-waiting");
        waiting.setId("flow-recording");
        status.setId("flow-status");
        status.getStyleClass().add("flow-status");
        status.setWrapText(true);
        vm.openFlowIdProperty().addListener((o, a, b) -> refresh());
        vm.recordingProperty().addListener((o, a, b) -> refresh());
        vm.errorProperty().addListener((o, a, b) -> refresh());
        vm.presenterProperty().addListener((o, was, on) -> presenter(on));
        presenterZoom.addListener((o, was, now) -> presenterResize.run());
        refresh();
    }

    /** Replaces the dialogs (tests cannot drive a native folder chooser; they answer with scripted ones). */
    public void setDialogs(dev.kmslab.ui.common.DialogService dialogs) {
        this.dialogs = dialogs;
    }

    public FlowPlayerView player() {
        return player;
    }

    private void refresh() {
        if (vm.presenterProperty().get()) {
            return;
        }
        if (vm.openFlowIdProperty().get() == null) {
            getChildren().setAll(catalogue);
        } else if (vm.errorProperty().get() != null) {
            status.setText(vm.errorProperty().get());
            getChildren().setAll(new VBox(status));
        } else if (vm.recordingProperty().get()) {
            getChildren().setAll(waiting);
        } else {
            getChildren().setAll(player);
            player.requestFocus();
        }
    }

    private void presenter(boolean on) {
        if (on && presenterStage == null) {
            Scene owner = getScene();
            getChildren().remove(player);
            StackPane root = new StackPane(player);
            root.getStyleClass().add("presenter");
            root.setId("presenter-root");
            Scene scene = new Scene(root, 1280, 800);
            if (owner != null) {
                scene.getStylesheets().setAll(owner.getStylesheets());
            }
            presenterResize = () -> scalePresenter(root, scene.getWidth(), scene.getHeight());
            scene.widthProperty().addListener((o, was, now) -> presenterResize.run());
            scene.heightProperty().addListener((o, was, now) -> presenterResize.run());
            presenterResize.run();
            presenterShortcuts(scene);
            presenterStage = new Stage();
            presenterStage.setTitle("KMS Lab — presenter");
            if (owner != null && owner.getWindow() != null) {
                presenterStage.initOwner(owner.getWindow());
            }
            presenterStage.setScene(scene);
            // Esc is ours (it leaves presenter mode), so the window must not use it just to leave full screen.
            presenterStage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
            presenterStage.setFullScreenExitHint("");
            presenterStage.setFullScreen(true);
            presenterStage.setOnHidden(e -> vm.setPresenter(false));
            presenterStage.show();
            player.requestFocus();
        } else if (!on && presenterStage != null) {
            Stage stage = presenterStage;
            presenterStage = null;
            presenterResize = () -> { };
            ((StackPane) player.getParent()).getChildren().remove(player);
            // Back into the main window before the presenter window closes: closing it drops its scene's style
            // caches, and a player restyled after that read another node's styles (JavaFX logged ClassCastExceptions
            // for rules such as .concept-card while the labels took their font back).
            refresh();
            stage.close();
        }
    }

    /** Sets the presenter's base type from the window size and the presenter zoom. */
    private void scalePresenter(StackPane root, double width, double height) {
        double fit = Math.max(0.6, Math.min(3, Math.min(width / 1280, height / 800)));
        double px = PRESENTER_PX * presenterZoom.get() * fit;
        root.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", px));
        root.getStylesheets().setAll(presenterIcons(px));
    }

    // The main window's zoom shortcuts, for the presenter window (whose scene has its own accelerators).
    private void presenterShortcuts(Scene scene) {
        javafx.collections.ObservableMap<KeyCombination, Runnable> keys = scene.getAccelerators();
        Runnable in = () -> presenterZoom.set(Math.min(2.5, Math.round((presenterZoom.get() + 0.1) * 10) / 10.0));
        Runnable out = () -> presenterZoom.set(Math.max(0.5, Math.round((presenterZoom.get() - 0.1) * 10) / 10.0));
        for (javafx.scene.input.KeyCode code : new javafx.scene.input.KeyCode[] {javafx.scene.input.KeyCode.EQUALS,
                javafx.scene.input.KeyCode.PLUS, javafx.scene.input.KeyCode.ADD}) {
            keys.put(new javafx.scene.input.KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN), in);
        }
        for (javafx.scene.input.KeyCode code : new javafx.scene.input.KeyCode[] {javafx.scene.input.KeyCode.MINUS,
                javafx.scene.input.KeyCode.SUBTRACT}) {
            keys.put(new javafx.scene.input.KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN), out);
        }
        keys.put(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.DIGIT0,
                KeyCombination.SHORTCUT_DOWN), () -> presenterZoom.set(1));
    }

    /** The presenter window's stylesheet for icon sizes, in pixels (Ikonli reads -fx-icon-size in pixels only). */
    private static String presenterIcons(double fontPx) {
        String css = String.format(Locale.ROOT, ".ikonli-font-icon { -fx-icon-size: %dpx; }"
                + " .packet .ikonli-font-icon { -fx-icon-size: %dpx; }", Math.round(fontPx * 1.18),
                Math.round(fontPx));
        return "data:text/css," + java.net.URLEncoder.encode(css, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
    }

    public boolean inPresenterWindow() {
        return presenterStage != null && presenterStage.isShowing();
    }

    private void exportHtml() {
        vm.flow().ifPresent(flow -> dialogs.chooseFolder(EXPORT_TITLE).ifPresent(dir -> {
            try {
                Path file = FlowHtmlExporter.write(flow, dir);
                notice("Saved " + file.getFileName() + " in " + dir);
            } catch (IOException e) {
                notice("The page could not be saved: " + e.getMessage());
            }
        }));
    }

    private void exportFrames() {
        dialogs.chooseFolder(EXPORT_TITLE).ifPresent(dir -> {
            try {
                List<Path> files = FrameExporter.export(player, dir);
                notice(String.format(Locale.ROOT, "Saved %d frames in %s", files.size(), dir));
            } catch (IOException e) {
                notice("The frames could not be saved: " + e.getMessage());
            }
        });
    }

    private void notice(String text) {
        player.showNotice(text);
    }
}
