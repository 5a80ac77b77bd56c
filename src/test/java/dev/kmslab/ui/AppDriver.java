package dev.kmslab.ui;

import dev.kmslab.App;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Node;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Starts and stops the real app for UI tests, headless under Monocle, with its own data directory. */
public class AppDriver extends FxRobot {

    private App app;

    public void start(Path dataDir) throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        app = (App) FxToolkit.setupApplication(App.class, "--data-dir", dataDir.toString());
        // Study content loads in the background; the exam choices (first launch) or concept cards appear when it is in.
        // Tests written for the Overview continue from there.
        waitForStartScreen();
        if (lookup("#start-here").tryQuery().isPresent()) {
            navigate("overview", "#concept-cards");
        }
    }

    /** Starts the app and stays on the first screen ("Start here" on a first launch). */
    public void startWhereTheAppOpens(Path dataDir) throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        app = (App) FxToolkit.setupApplication(App.class, "--data-dir", dataDir.toString());
        waitForStartScreen();
    }

    private void waitForStartScreen() throws TimeoutException {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> lookup("#concept-cards").tryQuery().isPresent()
                || lookup("#path-track-SAA").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
    }

    public void stop() throws TimeoutException {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
            FxToolkit.cleanupStages();
            app = null;
        }
    }

    public void waitFor(String query) throws TimeoutException {
        until(() -> lookup(query).tryQuery().isPresent());
    }

    /** Scrolls the enclosing scroll pane so the node is in view, as a learner would with the wheel. */
    public void scrollIntoView(String query) {
        Node node = find(query);
        interact(() -> {
            javafx.scene.Parent p = node.getParent();
            while (p != null && !(p instanceof javafx.scene.control.ScrollPane)) {
                p = p.getParent();
            }
            if (p instanceof javafx.scene.control.ScrollPane scroll) {
                Node content = scroll.getContent();
                double y = content.sceneToLocal(node.localToScene(node.getBoundsInLocal())).getMinY();
                double range = content.getLayoutBounds().getHeight() - scroll.getViewportBounds().getHeight();
                scroll.setVvalue(range <= 0 ? 0 : Math.min(1, Math.max(0, (y - 20) / range)));
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Clicks a sidebar entry and waits until the section's view is on screen. */
    public void navigate(String sectionId, String viewQuery) throws TimeoutException {
        clickOn("#nav-" + sectionId);
        waitFor(viewQuery);
    }

    /**
     * Waits (up to 15 s) for a condition that engine calls on worker threads make true, then for the FX events they
     * queued, so the screen shows their answer. The condition is evaluated on the FX thread: it reads scene graph and
     * view-model state, which only that thread may read consistently (a read from the test thread once saw a
     * half-updated list).
     */
    public void until(BooleanSupplier condition) throws TimeoutException {
        until(15, condition);
    }

    /** As {@link #until(BooleanSupplier)}, waiting up to {@code seconds}; for tests that drive the app without a driver. */
    public static void until(long seconds, BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> onFxThread(condition));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static boolean onFxThread(BooleanSupplier condition) throws Exception {
        if (Platform.isFxApplicationThread()) {
            return condition.getAsBoolean();
        }
        return WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get(5, TimeUnit.SECONDS);
    }

    /** Reads {@code value} on the FX thread (JavaFX state is only consistent there). */
    public <T> T onFx(java.util.concurrent.Callable<T> value) throws Exception {
        if (Platform.isFxApplicationThread()) {
            return value.call();
        }
        return WaitForAsyncUtils.asyncFx(value).get(5, TimeUnit.SECONDS);
    }

    /** Opens the Key Lab and waits until its engine (opened off the FX thread) is ready. */
    public void openKeyLab() throws TimeoutException {
        navigate("keylab", "#keys-view");
        until(() -> app().keyLab().engine() != null);
    }

    /** The running app, to reach state the screens share (such as the Key Lab session). */
    public App app() {
        return app;
    }

    public <T extends Node> T find(String query) {
        return lookup(query).query();
    }
}
