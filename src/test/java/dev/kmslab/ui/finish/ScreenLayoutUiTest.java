package dev.kmslab.ui.finish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.ui.AppDriver;
import dev.kmslab.ui.UiTests;
import dev.kmslab.ui.flows.FlowsView;
import dev.kmslab.ui.keylab.KeyLabView;
import dev.kmslab.ui.shell.MainView;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The layout check ({@link LayoutCheck}) on every screen and on presenter mode, at a small laptop (1024×640), a laptop
 * (1280×800) and a projector (1920×1080), at 100% and 150% zoom (the app's own Ctrl+=), in the light and the dark
 * theme (the sidebar's theme switch): no cut text, nothing outside the window, no labels on top of each other. All
 * problems are listed together, each with every place it shows, so one run shows everything to fix.
 *
 * <p>One app serves the whole matrix: the window is resized, zoomed and re-themed in place rather than started again,
 * and the screens keep their data between passes, so only the first pass waits for the worker threads.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ResourceLock(UiTests.JAVAFX)
public class ScreenLayoutUiTest {

    public static final double[][] SIZES = {{1024, 640}, {1280, 800}, {1920, 1080}};

    /** The zoom levels checked: the default and the largest a learner at the back of a room is likely to pick. */
    public static final double[] ZOOMS = {1.0, 1.5};

    @TempDir
    static Path data;

    private final AppDriver app = new AppDriver();
    // Restyling every screen in both themes and at both zooms is also the widest check that no style rule fails to
    // convert (JavaFX only logs those).
    private CssLog css;

    @BeforeAll
    void start() throws Exception {
        css = CssLog.attach();
        app.start(data);
        app.openKeyLab();
        String key = FinishFixture.createKey(app, "alias/orders");
        FinishFixture.createKey(app, "alias/a-rather-long-alias-for-the-payments-service");
        app.interact(() -> app.app().keyLab().selectedKeyIdProperty().set(key));
    }

    @AfterAll
    void stop() throws Exception {
        try {
            setDark(false);
        } finally {
            app.stop();
            css.close();
        }
    }

    /** The screens of the app, each opened through the main view as a click in the sidebar would. */
    public static Map<String, Consumer<MainView>> screens() {
        Map<String, Consumer<MainView>> screens = new LinkedHashMap<>();
        screens.put("start", v -> nav(v, "start"));
        screens.put("overview", MainView::showOverview);
        screens.put("concept", v -> v.showConcept("envelope-encryption"));
        screens.put("study", v -> nav(v, "study"));
        screens.put("services", v -> v.showService("ebs"));
        screens.put("checklists", v -> v.showChecklistItem("SAA", ""));
        for (String tab : List.of("keys", "rotation", "playground", "asymmetric", "policies", "grants", "keystores",
                "audit")) {
            screens.put("keylab-" + tab, v -> {
                v.showKeyLab();
                ((KeyLabView) v.lookup("#keylab")).showTab("keylab-tab-" + tab);
            });
        }
        screens.put("flows", v -> nav(v, "flows"));
        screens.put("flow-player", v -> v.showFlow("envelope-encryption"));
        // The envelope flow's header step: its Bytes card holds the longest name the app shows (the algorithm suite).
        screens.put("flow-player-header", v -> showStep(v, "envelope-encryption", "Write the header"));
        screens.put("quiz", v -> nav(v, "quiz"));
        screens.put("labs", v -> nav(v, "labs"));
        return screens;
    }

    /** Flows recorded once, on a sandbox engine of their own, for the screens that show one of their steps. */
    private static final Map<String, dev.kmslab.flow.Flow> RECORDED = new java.util.concurrent.ConcurrentHashMap<>();

    /** Shows a flow in the player at the step named {@code action}, as choosing it in the step list would. */
    public static void showStep(MainView view, String flowId, String action) {
        dev.kmslab.flow.Flow flow = RECORDED.computeIfAbsent(flowId, id -> dev.kmslab.flow.FlowRecorder
                .standalone(new java.security.SecureRandom()).record(id, java.util.Optional.empty()));
        view.showFlow(flow);
        for (int i = 0; i < flow.steps().size(); i++) {
            if (flow.steps().get(i).action().equals(action)) {
                view.flows().player().jump(i);
                return;
            }
        }
        throw new IllegalArgumentException("no step '" + action + "' in " + flowId);
    }

    static void nav(MainView view, String section) {
        ((javafx.scene.control.ButtonBase) view.lookup("#nav-" + section)).fire();
    }

    @Test
    void everyScreen_inBothThemes_atBothZooms_atEverySize_hasNoCutTextNoOffWindowControlsAndNoOverlaps()
            throws Exception {
        MainView view = app.find("#main-view");
        Problems problems = new Problems();
        boolean first = true;
        for (boolean dark : new boolean[] {false, true}) {
            setDark(dark);
            for (double zoom : ZOOMS) {
                zoom(view.getScene(), zoom);
                for (double[] size : SIZES) {
                    FinishFixture.resize(app, size[0], size[1]);
                    for (Map.Entry<String, Consumer<MainView>> screen : screens().entrySet()) {
                        app.interact(() -> screen.getValue().accept(view));
                        // The flow player redraws its lanes a moment after a resize: it always gets the long wait.
                        settle(first || screen.getKey().startsWith("flow"));
                        check(view.getScene(), screen.getKey(), where(size, zoom, dark),
                                clipsAndWords(screen.getKey(), size, zoom), problems);
                        if (screen.getKey().startsWith("keylab-") && !tooSmall(size, zoom)) {
                            tabContentShare(view, screen.getKey(), zoom, where(size, zoom, dark), problems);
                        }
                    }
                    first = false;
                }
            }
        }
        assertThat(problems.list()).as("layout problems").isEmpty();
        assertThat(css.messages()).as("CSS warnings").isEmpty();
    }

    @Test
    void presenterMode_inBothThemes_atBothZooms_atEverySize_hasNoCutTextAndNothingOutside() throws Exception {
        MainView view = app.find("#main-view");
        app.interact(() -> view.showFlow("envelope-encryption"));
        app.waitFor("#flow-steps .list-cell");
        FlowsView flows = app.find("#flows-view");
        app.interact(() -> flows.player().model().setStepMillis(0));
        app.interact(() -> flows.player().model().jump(2));
        app.clickOn("#flow-steps");
        app.type(KeyCode.F5);
        app.until(flows::inPresenterWindow);
        Window presenter = app.find("#presenter-root").getScene().getWindow();
        Problems problems = new Problems();
        try {
            for (boolean dark : new boolean[] {false, true}) {
                setDark(dark);
                for (double zoom : ZOOMS) {
                    // The presenter window has its own zoom, on the same keys.
                    zoom(presenter.getScene(), zoom);
                    for (double[] size : SIZES) {
                        app.interact(() -> {
                            presenter.setX(0);
                            presenter.setY(0);
                            presenter.setWidth(size[0]);
                            presenter.setHeight(size[1]);
                        });
                        settle(false);
                        check(presenter.getScene(), "presenter", where(size, zoom, dark),
                                clipsAndWords("presenter", size, zoom), problems);
                    }
                }
            }
        } finally {
            zoom(presenter.getScene(), 1.0);
            app.type(KeyCode.ESCAPE);
        }
        assertThat(problems.list()).as("layout problems").isEmpty();
        assertThat(css.messages()).as("CSS warnings").isEmpty();
    }

    /**
     * The share of the window's height the Key Lab's tab content gets (the clock, Act as and Region bars and the tab
     * headers stack above it): at least {@link #TAB_CONTENT_SHARE} at 100% zoom, and at 150% zoom at least
     * {@link #TAB_CONTENT_SHARE_ZOOMED}, where all the bars above it are half as tall again.
     */
    private void tabContentShare(MainView view, String screen, double zoom, String where, Problems problems) {
        app.interact(() -> {
            javafx.scene.control.TabPane tabs = (javafx.scene.control.TabPane) view.lookup("#keylab-tabs");
            javafx.scene.Node content = tabs.getSelectionModel().getSelectedItem().getContent();
            double height = content.localToScene(content.getLayoutBounds()).getHeight();
            double window = view.getScene().getHeight();
            double want = zoom > 1 ? TAB_CONTENT_SHARE_ZOOMED : TAB_CONTENT_SHARE;
            if (height < want * window) {
                problems.add(String.format(java.util.Locale.ROOT, "%s: the tab content gets %.0f of the window's "
                        + "%.0f px (%.0f%%), wants at least %.0f%%", screen, height, window, 100 * height / window,
                        100 * want), where);
            }
        });
    }

    /** The least share of the window's height the Key Lab's tab content gets at 100% zoom. */
    static final double TAB_CONTENT_SHARE = 0.6;

    /** The same at 150% zoom. */
    static final double TAB_CONTENT_SHARE_ZOOMED = 0.45;

    private static String where(double[] size, double zoom, boolean dark) {
        return String.format(java.util.Locale.ROOT, "%dx%d %.0f%% %s", (int) size[0], (int) size[1], zoom * 100,
                dark ? "dark" : "light");
    }

    /** Flips the sidebar's theme switch (the app's own theme change) and waits for the restyle. */
    private void setDark(boolean dark) {
        atlantafx.base.controls.ToggleSwitch toggle = app.find("#theme-switch");
        app.interact(() -> toggle.setSelected(dark));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Ctrl+0 then Ctrl+= until {@code zoom}, through the window's own shortcuts. */
    private void zoom(Scene scene, double zoom) {
        app.interact(() -> {
            scene.getAccelerators().get(new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN)).run();
            for (long i = Math.round((zoom - 1) * 10); i > 0; i--) {
                scene.getAccelerators().get(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN))
                        .run();
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    // The first visit to a screen waits for what worker threads fill in (Key Lab tables, study pages); later visits
    // show the same data, so one round of FX events does.
    private void settle(boolean first) throws Exception {
        WaitForAsyncUtils.waitForFxEvents(first ? 5 : 1);
        if (first) {
            WaitForAsyncUtils.waitForFxEvents();
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    /**
     * Screens on which the checks for cut-off nodes and words broken mid-word run at 100% zoom only, for a defect not
     * fixed yet; none now (the service map, the last one, scrolls sideways below its minimum width since issue 17).
     */
    static final java.util.Set<String> CLIPS_AND_WORDS_AT_100_ONLY = java.util.Set.of();

    static boolean clipsAndWords(String screen, double[] size, double zoom) {
        return !tooSmall(size, zoom) && (zoom == 1.0
                || !CLIPS_AND_WORDS_AT_100_ONLY.contains(screen));
    }

    /**
     * 1024x640 at 150% zoom shows what a 683x427 window shows at 100%, smaller than any screen the app is made for:
     * there the checks for cut-off nodes, words broken mid-word and the tab content's share do not run (text cut
     * with an ellipsis, controls outside the window and overlaps are still checked).
     */
    static boolean tooSmall(double[] size, double zoom) {
        return size[0] / zoom < 800 || size[1] / zoom < 500;
    }

    private void check(Scene scene, String screen, String where, boolean clipsAndWords, Problems problems) {
        app.interact(() -> {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            // A second pass: labels that wrap settle their height after their width is known.
            scene.getRoot().layout();
            LayoutCheck.problems(scene, clipsAndWords).forEach(p -> problems.add(screen + ": " + p, where));
        });
    }

    /** Problems with the places they show, so one cut label at twelve settings is one line, not twelve. */
    private static final class Problems {
        private final Map<String, List<String>> seen = new LinkedHashMap<>();

        void add(String problem, String where) {
            seen.computeIfAbsent(problem, p -> new ArrayList<>()).add(where);
        }

        List<String> list() {
            List<String> out = new ArrayList<>();
            seen.forEach((problem, where) -> out.add(problem + "  [at " + String.join(", ", where) + "]"));
            return out;
        }
    }
}
