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
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The layout check ({@link LayoutCheck}) on every screen at a small laptop (1024×640), a laptop (1280×800) and a
 * projector (1920×1080), and on presenter mode: no cut text, nothing outside the window, no labels on top of each
 * other. All problems are listed together so one run shows everything to fix.
 */
@ResourceLock(UiTests.JAVAFX)
public class ScreenLayoutUiTest {

    public static final double[][] SIZES = {{1024, 640}, {1280, 800}, {1920, 1080}};

    @TempDir
    Path data;

    private final AppDriver app = new AppDriver();

    @BeforeEach
    void start() throws Exception {
        app.start(data);
        app.openKeyLab();
        String key = FinishFixture.createKey(app, "alias/orders");
        FinishFixture.createKey(app, "alias/a-rather-long-alias-for-the-payments-service");
        app.interact(() -> app.app().keyLab().selectedKeyIdProperty().set(key));
    }

    @AfterEach
    void stop() throws Exception {
        app.stop();
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
        screens.put("quiz", v -> nav(v, "quiz"));
        screens.put("labs", v -> nav(v, "labs"));
        return screens;
    }

    static void nav(MainView view, String section) {
        ((javafx.scene.control.ButtonBase) view.lookup("#nav-" + section)).fire();
    }

    @Test
    void everyScreen_atEverySize_hasNoCutTextNoOffWindowControlsAndNoOverlaps() throws Exception {
        MainView view = app.find("#main-view");
        List<String> problems = new ArrayList<>();
        for (double[] size : SIZES) {
            FinishFixture.resize(app, size[0], size[1]);
            for (Map.Entry<String, Consumer<MainView>> screen : screens().entrySet()) {
                app.interact(() -> screen.getValue().accept(view));
                settle();
                String where = (int) size[0] + "x" + (int) size[1] + " " + screen.getKey() + ": ";
                check(view.getScene(), where, problems);
            }
        }
        assertThat(problems).as("layout problems").isEmpty();
    }

    @Test
    void presenterMode_atEverySize_hasNoCutTextAndNothingOutside() throws Exception {
        MainView view = app.find("#main-view");
        app.interact(() -> view.showFlow("envelope-encryption"));
        app.waitFor("#flow-steps .list-cell");
        FlowsView flows = app.find("#flows-view");
        app.interact(() -> flows.player().model().setStepMillis(0));
        app.interact(() -> flows.player().model().jump(2));
        app.clickOn("#flow-steps");
        app.type(javafx.scene.input.KeyCode.F5);
        app.until(flows::inPresenterWindow);
        Window presenter = app.find("#presenter-root").getScene().getWindow();
        List<String> problems = new ArrayList<>();
        try {
            for (double[] size : SIZES) {
                app.interact(() -> {
                    presenter.setX(0);
                    presenter.setY(0);
                    presenter.setWidth(size[0]);
                    presenter.setHeight(size[1]);
                });
                settle();
                check(presenter.getScene(), (int) size[0] + "x" + (int) size[1] + " presenter: ", problems);
            }
        } finally {
            app.type(javafx.scene.input.KeyCode.ESCAPE);
        }
        assertThat(problems).as("layout problems").isEmpty();
    }

    private void settle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        // Key Lab tables and study pages fill in from worker threads; a second round of FX events takes their answer.
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void check(Scene scene, String where, List<String> problems) {
        app.interact(() -> {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            // A second pass: labels that wrap settle their height after their width is known.
            scene.getRoot().layout();
            LayoutCheck.problems(scene).forEach(p -> problems.add(where + p));
        });
    }
}
