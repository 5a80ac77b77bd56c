package dev.kmslab.ui.common;

import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Dialog;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Where every dialog and tool window of the app opens: owned by the window it came from, with that window's theme,
 * centred on it and never larger than it (or than the screen it is on), so no button ends up off screen on a laptop
 * or a projector. Dialogs put long content in a scroll pane, which then takes the height that is left.
 */
public final class DialogPlacement {

    /** Style class of a tool window's root: a visible edge, since some window managers draw none. */
    public static final String WINDOW_CLASS = "tool-window";

    private DialogPlacement() {
    }

    /** Owns, styles and places a dialog opened from {@code from}; call before showing it. */
    public static void prepare(Dialog<?> dialog, Node from) {
        Window owner = windowOf(from);
        if (owner != null) {
            dialog.initOwner(owner);
            dialog.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        dialog.setResizable(true);
        // A dialog sizes its window to the pane's preferred size as it shows, and a window made smaller after that
        // (on a real window system) keeps laying the pane out at full height, hiding the buttons. So the pane's
        // preferred size is capped before showing; the window is then centred once its size is known.
        dialog.setOnShowing(e -> capPane(dialog.getDialogPane(), owner));
        dialog.setOnShown(e -> fit(dialog.getDialogPane().getScene().getWindow(), owner));
    }

    /** Owns, styles and places a tool window (a non-modal stage) opened from {@code from}; call before showing it. */
    public static void prepare(Stage stage, Node from) {
        Window owner = windowOf(from);
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.sceneProperty().addListener((obs, was, now) -> style(now, owner));
        style(stage.getScene(), owner);
        // Sized to fit before it shows (see capPane); centred once shown.
        stage.setOnShowing(e -> {
            Rectangle2D area = area(stage, owner);
            if (stage.getScene() != null && stage.getScene().getHeight() > area.getHeight()) {
                stage.setHeight(area.getHeight());
            }
            if (stage.getScene() != null && stage.getScene().getWidth() > area.getWidth()) {
                stage.setWidth(area.getWidth());
            }
        });
        stage.setOnShown(e -> fit(stage, owner));
    }

    private static void capPane(javafx.scene.control.DialogPane pane, Window owner) {
        Rectangle2D area = area(null, owner);
        Rectangle2D screen = screenOf(area);
        double maxWidth = Math.min(area.getWidth(), screen.getWidth());
        double maxHeight = Math.min(area.getHeight(), screen.getHeight());
        pane.applyCss();
        if (pane.prefHeight(-1) > maxHeight) {
            pane.setPrefHeight(maxHeight);
            pane.setMaxHeight(maxHeight);
        }
        if (pane.prefWidth(-1) > maxWidth) {
            pane.setPrefWidth(maxWidth);
            pane.setMaxWidth(maxWidth);
        }
    }

    private static void style(javafx.scene.Scene scene, Window owner) {
        if (scene == null) {
            return;
        }
        if (owner != null && owner.getScene() != null) {
            for (String sheet : owner.getScene().getStylesheets()) {
                if (!scene.getStylesheets().contains(sheet)) {
                    scene.getStylesheets().add(sheet);
                }
            }
        }
        if (!scene.getRoot().getStyleClass().contains(WINDOW_CLASS)) {
            scene.getRoot().getStyleClass().add(WINDOW_CLASS);
        }
    }

    private static Window windowOf(Node node) {
        return node == null || node.getScene() == null ? null : node.getScene().getWindow();
    }

    /** Shrinks {@code window} to fit the owner (or the screen) and centres it there, inside the screen. */
    public static void fit(Window window, Window owner) {
        Rectangle2D area = area(window, owner);
        Rectangle2D screen = screenOf(area);
        double width = Math.min(window.getWidth(), Math.min(area.getWidth(), screen.getWidth()));
        double height = Math.min(window.getHeight(), Math.min(area.getHeight(), screen.getHeight()));
        if (width < window.getWidth()) {
            window.setWidth(width);
        }
        if (height < window.getHeight()) {
            window.setHeight(height);
        }
        double x = area.getMinX() + (area.getWidth() - width) / 2;
        double y = area.getMinY() + (area.getHeight() - height) / 2;
        window.setX(clamp(x, screen.getMinX(), screen.getMaxX() - width));
        window.setY(clamp(y, screen.getMinY(), screen.getMaxY() - height));
    }

    private static Rectangle2D area(Window window, Window owner) {
        if (owner != null && owner.getWidth() > 0 && owner.getHeight() > 0) {
            return new Rectangle2D(owner.getX(), owner.getY(), owner.getWidth(), owner.getHeight());
        }
        return Screen.getPrimary().getVisualBounds();
    }

    private static Rectangle2D screenOf(Rectangle2D area) {
        double cx = area.getMinX() + area.getWidth() / 2;
        double cy = area.getMinY() + area.getHeight() / 2;
        return Screen.getScreensForRectangle(cx, cy, 1, 1).stream().findFirst().orElse(Screen.getPrimary())
                .getVisualBounds();
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(value, Math.max(min, max)));
    }
}
