package dev.kmslab.ui.finish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.ui.AppDriver;
import dev.kmslab.ui.UiTests;
import dev.kmslab.ui.shell.MainView;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.scene.robot.Robot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Keyboard users see where they are: on every screen, each control that Tab reaches looks different while it has
 * the focus (a ring, a border, a fill) from how it looks without it. Compared as pixels, so a custom style that hides
 * the theme's focus ring fails here.
 *
 * <p>Tab is pressed through the same glass robot TestFX's {@code type} uses, from the FX thread, and the focus owner
 * is read by the next FX task, which runs after the queued key events: no fixed pauses between the 40 presses per
 * screen (TestFX's {@code type} waits several FX rounds and sleeps after each press and each release).
 */
@ResourceLock(UiTests.JAVAFX)
class FocusRingUiTest {

    private static final int TABS_PER_SCREEN = 40;

    @TempDir
    Path data;

    private final AppDriver app = new AppDriver();

    @BeforeEach
    void start() throws Exception {
        app.start(data);
        app.openKeyLab();
        FinishFixture.createKey(app, "alias/orders");
    }

    @AfterEach
    void stop() throws Exception {
        app.stop();
    }

    @Test
    void everyControlReachedWithTab_showsThatItHasTheFocus() throws Exception {
        MainView view = app.find("#main-view");
        Robot keyboard = app.onFx(Robot::new);
        Map<String, Consumer<MainView>> screens = ScreenLayoutUiTest.screens();
        List<String> invisible = new ArrayList<>();
        Map<Node, Boolean> seen = new IdentityHashMap<>();
        for (Map.Entry<String, Consumer<MainView>> screen : screens.entrySet()) {
            app.interact(() -> screen.getValue().accept(view));
            settle(screen.getKey());
            for (int i = 0; i < TABS_PER_SCREEN; i++) {
                app.onFx(() -> {
                    keyboard.keyPress(KeyCode.TAB);
                    keyboard.keyRelease(KeyCode.TAB);
                    return null;
                });
                // Runs after the key events the robot queued on the FX thread.
                String problem = app.onFx(() -> {
                    Node focus = view.getScene().getFocusOwner();
                    if (focus == null || seen.put(focus, Boolean.TRUE) != null) {
                        return null;
                    }
                    return ringMissing(view, focus);
                });
                if (problem != null) {
                    invisible.add(screen.getKey() + ": " + problem);
                }
            }
        }
        assertThat(invisible).as("controls that look the same with and without the keyboard focus").isEmpty();
    }

    /**
     * Lets the screen's worker-thread content arrive before the first Tab, so every control it adds is walked and no
     * focus request made when it arrives (the flow player takes the focus once its flow is recorded) lands mid-walk.
     */
    private void settle(String screen) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        if (screen.equals("flow-player")) {
            app.waitFor("#flow-steps .list-cell");
        }
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
    }

    // Pictures the control with the keyboard focus, then with the focus parked on the window's root, and compares.
    private static String ringMissing(MainView view, Node focus) {
        if (!focus.isVisible() || focus.getLayoutBounds().getWidth() < 1) {
            return null;
        }
        Image focused = picture(focus);
        view.requestFocus();
        view.applyCss();
        Image plain = picture(focus);
        // Back where Tab left it, so the next Tab goes on from here.
        focus.requestFocus();
        if (differs(focused, plain)) {
            return null;
        }
        return LayoutCheck.describe(focus);
    }

    private static Image picture(Node node) {
        node.applyCss();
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.TRANSPARENT);
        return node.snapshot(params, null);
    }

    /**
     * Compares the two pictures centred on each other. A ring drawn outside the control makes the focused picture
     * larger; the margin only counts where something is painted in it, so a border of width 0 with negative insets
     * (bigger bounds, nothing drawn) does not pass for a ring.
     */
    static boolean differs(Image a, Image b) {
        Image big = a.getWidth() * a.getHeight() >= b.getWidth() * b.getHeight() ? a : b;
        Image small = big == a ? b : a;
        int dx = (int) Math.round((big.getWidth() - small.getWidth()) / 2);
        int dy = (int) Math.round((big.getHeight() - small.getHeight()) / 2);
        PixelReader rb = big.getPixelReader();
        PixelReader rs = small.getPixelReader();
        int changed = 0;
        for (int y = 0; y < big.getHeight(); y++) {
            for (int x = 0; x < big.getWidth(); x++) {
                int sx = x - dx;
                int sy = y - dy;
                boolean inside = sx >= 0 && sy >= 0 && sx < small.getWidth() && sy < small.getHeight();
                int other = inside ? rs.getArgb(sx, sy) : 0;
                int mine = rb.getArgb(x, y);
                boolean differ = inside ? mine != other : (mine >>> 24) > 16;
                if (differ && ++changed > 8) {
                    return true;
                }
            }
        }
        return false;
    }
}
