package dev.kmslab.ui.finish;

import org.junit.jupiter.api.parallel.ResourceLock;
import dev.kmslab.ui.UiTests;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.ui.AppDriver;
import dev.kmslab.ui.shell.MainView;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every button, toggle, menu button or link that shows only an icon (an Ikonli glyph or an image, no text, or
 * {@link ContentDisplay#GRAPHIC_ONLY}) says what it does to a screen reader ({@code accessibleText}) and to the mouse
 * (a tooltip, or the help text a hover tooltip shows). Walks every screen, the search overlay, the create-key dialog
 * and the import wizard, and names each control that is silent.
 */
@ResourceLock(UiTests.JAVAFX)
class IconOnlyControlsUiTest {

    @TempDir
    Path data;

    private final AppDriver app = new AppDriver();

    @BeforeEach
    void start() throws Exception {
        app.start(data);
        app.openKeyLab();
        String key = FinishFixture.createKey(app, "alias/orders");
        app.interact(() -> app.app().keyLab().selectedKeyIdProperty().set(key));
    }

    @AfterEach
    void stop() throws Exception {
        app.stop();
    }

    @Test
    void everyIconOnlyControl_onEveryScreenAndMainDialog_hasAccessibleTextAndATooltip() throws Exception {
        MainView view = app.find("#main-view");
        Set<String> problems = new LinkedHashSet<>();
        int[] seen = {0};
        for (Map.Entry<String, Consumer<MainView>> screen : ScreenLayoutUiTest.screens().entrySet()) {
            app.interact(() -> screen.getValue().accept(view));
            settle();
            check(screen.getKey(), view, problems, seen);
        }
        app.interact(() -> view.getScene().getAccelerators()
                .get(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN)).run());
        app.waitFor("#search-overlay");
        check("search", app.find("#search-overlay"), problems, seen);
        app.type(KeyCode.ESCAPE);
        settle();

        app.interact(() -> ScreenLayoutUiTest.screens().get("keylab-keys").accept(view));
        settle();
        app.interact(() -> ((ButtonBase) view.lookup("#create-key")).fire());
        settle();
        checkOtherWindows("create key", view, problems, seen);

        app.interact(() -> ScreenLayoutUiTest.screens().get("keylab-asymmetric").accept(view));
        settle();
        app.interact(() -> ((ButtonBase) view.lookup("#asym-import")).fire());
        app.waitFor("#import-wizard");
        checkOtherWindows("import wizard", view, problems, seen);

        assertThat(seen[0]).as("icon-only controls found (the walk reached them)").isGreaterThan(5);
        assertThat(problems).as("icon-only controls without accessible text or tooltip").isEmpty();
    }

    private void settle() {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void check(String where, Node root, Set<String> problems, int[] seen) {
        app.interact(() -> {
            root.applyCss();
            walk(root, where, problems, seen);
        });
    }

    // Checks the windows other than the main one (a dialog just opened), then closes them.
    private void checkOtherWindows(String where, MainView view, Set<String> problems, int[] seen) {
        app.interact(() -> {
            List<Window> others = new ArrayList<>();
            for (Window w : Window.getWindows()) {
                if (w != view.getScene().getWindow() && w.isShowing() && w.getScene() != null
                        && !(w instanceof javafx.stage.PopupWindow)) {
                    others.add(w);
                }
            }
            assertThat(others).as("the " + where + " window opened").isNotEmpty();
            for (Window w : others) {
                w.getScene().getRoot().applyCss();
                w.getScene().getRoot().layout();
                walk(w.getScene().getRoot(), where, problems, seen);
                if (w instanceof Stage stage) {
                    stage.close();
                } else {
                    w.hide();
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void walk(Node node, String where, Set<String> problems, int[] seen) {
        if (node instanceof ButtonBase button && iconOnly(button) && !inSkinPart(button)) {
            seen[0]++;
            boolean named = button.getAccessibleText() != null && !button.getAccessibleText().isBlank();
            boolean tip = button.getTooltip() != null || (button.getAccessibleHelp() != null
                    && !button.getAccessibleHelp().isBlank());
            if (!named || !tip) {
                problems.add(where + ": " + describe(button) + (named ? "" : " has no accessible text")
                        + (tip ? "" : (named ? "" : " and") + " has no tooltip"));
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(child, where, problems, seen);
            }
        }
    }

    /** No text shown, and the graphic is a glyph or an image (no words inside it). */
    static boolean iconOnly(Labeled control) {
        Node graphic = control.getGraphic();
        if (graphic == null) {
            return false;
        }
        boolean noText = control.getText() == null || control.getText().isBlank()
                || control.getContentDisplay() == ContentDisplay.GRAPHIC_ONLY;
        return noText && onlyIcons(graphic);
    }

    private static boolean onlyIcons(Node node) {
        if (node instanceof ImageView) {
            return true;
        }
        if (node instanceof Text text) {
            // An Ikonli FontIcon is a Text that draws a glyph; any other text is words a reader can read.
            return node.getClass().getSimpleName().equals("FontIcon") || text.getText() == null
                    || text.getText().isBlank();
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isBlank()) {
            return false;
        }
        if (node instanceof Parent parent) {
            boolean icon = false;
            for (Node child : parent.getChildrenUnmodifiable()) {
                if (!onlyIcons(child)) {
                    return false;
                }
                icon = true;
            }
            return icon || node.getClass().getSimpleName().equals("FontIcon");
        }
        return node.getClass().getSimpleName().contains("Icon");
    }

    // The arrow of a combo box, a spinner's buttons, a scroll bar's: parts of one control, named by that control.
    private static boolean inSkinPart(Node node) {
        for (Parent p = node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ComboBoxBase || p instanceof ScrollBar || p instanceof Spinner
                    || p instanceof TextInputControl || p instanceof Slider) {
                return true;
            }
        }
        return false;
    }

    private static String describe(ButtonBase button) {
        String s = LayoutCheck.describe(button);
        StringBuilder classes = new StringBuilder(String.join(".", button.getStyleClass()));
        Parent parent = button.getParent();
        return s + " [." + classes + (parent == null ? "" : ", parent " + parent.getClass().getSimpleName()
                + (parent.getStyleClass().isEmpty() ? "" : "." + String.join(".", parent.getStyleClass()))) + "]";
    }
}
