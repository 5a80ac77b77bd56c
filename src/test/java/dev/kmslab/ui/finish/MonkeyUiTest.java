package dev.kmslab.ui.finish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.ui.AppDriver;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableRow;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.robot.Robot;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A seeded random walk through the app, as an impatient learner would: clicks on whatever is on screen (buttons, tabs,
 * list rows, choosers, service nodes), text typed into fields, Tab, Enter, Escape and arrows, in the main window and in
 * any dialog it opens. It fails on any exception that reaches the FX thread and on any warning or error JavaFX or the
 * app logs. A short set of seeds runs with the tests; {@code -Dkmslab.monkey.minutes=10} (the bench profile) walks for
 * that long and prints how many actions it took.
 *
 * <p>It never opens a file chooser or the system browser (those wait on a person), and leaves the KMS endpoint off.
 */
// Alone, not only apart from other UI tests: it fails on any error logged by any thread of the JVM.
@Isolated
class MonkeyUiTest {

    private static final int ACTIONS_PER_SEED = 50;
    private static final long[] SEEDS = {17, 2026};
    private static final String[] WORDS = {"alias/orders", "hello", "", "{\"Version\":\"2012-10-17\"}", "12",
        "arn:aws:iam::111122223333:role/App", "-1", "ÄÖü ✓", "    ", "a".repeat(300)};

    @TempDir
    Path data;

    private final AppDriver app = new AppDriver();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final Handler logged = new Handler() {
        @Override
        public void publish(LogRecord record) {
            boolean fx = record.getLoggerName() != null && record.getLoggerName().startsWith("javafx");
            if (record.getLevel().intValue() >= Level.SEVERE.intValue()
                    || (fx && record.getLevel().intValue() >= Level.WARNING.intValue())) {
                failures.add("logged " + record.getLevel() + " " + record.getLoggerName() + ": "
                        + record.getMessage() + (record.getThrown() == null ? "" : " " + trace(record.getThrown())));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Thread.UncaughtExceptionHandler previous;
    private Robot mouse;

    @BeforeEach
    void start() throws Exception {
        // The toolkit's one-time start-up warning (JavaFX on the class path) comes before any walk; run alone, this
        // class would otherwise be the one to start the toolkit and count it.
        FxToolkit.registerPrimaryStage();
        Logger.getLogger("").addHandler(logged);
        app.start(data);
        app.openKeyLab();
        FinishFixture.createKey(app, "alias/orders");
        mouse = app.onFx(Robot::new);
        app.interact(() -> {
            previous = Thread.currentThread().getUncaughtExceptionHandler();
            Thread.currentThread().setUncaughtExceptionHandler((t, e) -> failures.add("uncaught: " + trace(e)));
        });
    }

    @AfterEach
    void stop() throws Exception {
        Logger.getLogger("").removeHandler(logged);
        closeExtraWindows();
        app.interact(() -> Thread.currentThread().setUncaughtExceptionHandler(previous));
        app.stop();
    }

    @Test
    void randomWalk_withFixedSeeds_raisesNoExceptionAndLogsNoError() throws Exception {
        long minutes = Long.getLong("kmslab.monkey.minutes", 0);
        long until = System.nanoTime() + minutes * 60_000_000_000L;
        long actions = 0;
        long seed = SEEDS[0];
        for (int round = 0; minutes > 0 ? System.nanoTime() < until : round < SEEDS.length; round++) {
            seed = round < SEEDS.length ? SEEDS[round] : round;
            Random random = new Random(seed);
            for (int i = 0; i < ACTIONS_PER_SEED && failures.isEmpty(); i++) {
                String action = act(random);
                actions++;
                if (!failures.isEmpty()) {
                    failures.add(0, "seed " + seed + ", action " + i + ": " + action);
                }
            }
            closeExtraWindows();
            if (!failures.isEmpty()) {
                break;
            }
        }
        if (minutes > 0) {
            // Seeds walked: 17 and 2026, then each later round's index (2, 3, ...) up to the last seed printed.
            System.out.println("MONKEY actions=" + actions + " minutes=" + minutes + " exceptions="
                    + failures.size() + " lastSeed=" + seed);
        }
        assertThat(failures).as("exceptions and errors during the walk").isEmpty();
    }

    // One action on the window in front (a dialog if one is open); returns what it did, for the failure message.
    private String act(Random random) throws Exception {
        Window window = frontWindow();
        List<Node> targets = new ArrayList<>();
        app.onFx(() -> {
            collect(window.getScene().getRoot(), window, targets);
            return null;
        });
        int kind = random.nextInt(10);
        String done;
        if (kind < 7 && !targets.isEmpty()) {
            Node target = targets.get(random.nextInt(targets.size()));
            done = "click " + LayoutCheck.describe(target);
            Point2D centre = centre(target);
            if (centre == null) {
                return done + " (gone)";
            }
            moveTo(centre);
            click();
            if (target instanceof TextInputControl && random.nextBoolean()) {
                String word = WORDS[random.nextInt(WORDS.length)];
                app.interact(() -> ((TextInputControl) target).replaceText(0,
                        ((TextInputControl) target).getLength(), word));
                done += " and type '" + word.substring(0, Math.min(20, word.length())) + "'";
            }
        } else {
            KeyCode[] keys = {KeyCode.TAB, KeyCode.TAB, KeyCode.ENTER, KeyCode.SPACE, KeyCode.ESCAPE, KeyCode.DOWN,
                KeyCode.UP, KeyCode.RIGHT};
            KeyCode key = keys[random.nextInt(keys.length)];
            if (key == KeyCode.SPACE || key == KeyCode.ENTER) {
                // Only on a focused control the walk could have clicked: Enter on a file button would open a chooser.
                Node focus = window.getScene().getFocusOwner();
                if (focus == null || !allowed(focus)) {
                    key = KeyCode.TAB;
                }
            }
            app.type(key);
            done = "key " + key;
        }
        WaitForAsyncUtils.waitForFxEvents();
        return done;
    }

    private static Window frontWindow() {
        List<Window> showing = new ArrayList<>();
        for (Window w : Window.getWindows()) {
            if (w.isShowing() && w.getScene() != null && w instanceof Stage) {
                showing.add(w);
            }
        }
        for (Window w : showing) {
            if (((Stage) w).getModality() != javafx.stage.Modality.NONE) {
                return w;
            }
        }
        for (Window w : showing) {
            if (w.isFocused()) {
                return w;
            }
        }
        return showing.get(0);
    }

    private void collect(Node node, Window window, List<Node> out) {
        if (!node.isVisible() || node.isDisabled()) {
            return;
        }
        if (clickable(node) && allowed(node) && inside(node, window)) {
            out.add(node);
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, window, out);
            }
        }
    }

    private static boolean clickable(Node node) {
        if (node instanceof ButtonBase || node instanceof ComboBoxBase || node instanceof ChoiceBox
                || node instanceof TextInputControl || node instanceof Spinner) {
            return true;
        }
        if (node instanceof ListCell<?> cell) {
            return cell.getItem() != null;
        }
        if (node instanceof TableRow<?> row) {
            return row.getItem() != null;
        }
        // Tab headers, service-map nodes and cards: reached by keyboard, so clicked too.
        return node.getStyleClass().contains("tab") || (node.isFocusTraversable() && node instanceof Labeled);
    }

    // Never a file chooser, the system browser or the KMS endpoint (a real port).
    private static boolean allowed(Node node) {
        String id = node.getId() == null ? "" : node.getId().toLowerCase(java.util.Locale.ROOT);
        if (id.contains("export") || id.contains("file") || id.contains("endpoint") || id.contains("folder")
                || id.contains("frames")) {
            return false;
        }
        if (node instanceof Labeled labeled) {
            String text = labeled.getText() == null ? "" : labeled.getText();
            if (text.startsWith("Export") || text.contains("a file") || text.contains("Save frames")
                    || text.contains(".pem") || text.startsWith("Choose folder")) {
                return false;
            }
            if (labeled.getGraphic() instanceof FontIcon icon && icon.getIconCode() == Feather.EXTERNAL_LINK) {
                return false;
            }
        }
        if (node instanceof Hyperlink link && link.getUserData() instanceof String url
                && (url.startsWith("http") || url.startsWith("mailto"))) {
            return false;
        }
        for (Node p = node; p != null; p = p.getParent()) {
            if (p.getId() != null && (p.getId().startsWith("endpoint") || p.getId().equals("kms-endpoint"))) {
                return false;
            }
        }
        return true;
    }

    private static boolean inside(Node node, Window window) {
        Bounds b = node.localToScene(node.getLayoutBounds());
        double x = (b.getMinX() + b.getMaxX()) / 2;
        double y = (b.getMinY() + b.getMaxY()) / 2;
        if (b.getWidth() < 2 || b.getHeight() < 2 || x < 0 || y < 0 || x > window.getScene().getWidth()
                || y > window.getScene().getHeight()) {
            return false;
        }
        // Scrolled out of its scroll pane: not clickable.
        for (Parent p = node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.ScrollPane || p.getClip() != null) {
                Bounds view = p.localToScene(p.getLayoutBounds());
                if (!view.contains(x, y)) {
                    return false;
                }
            }
        }
        return true;
    }

    private Point2D centre(Node node) throws Exception {
        Bounds b = app.onFx(() -> node.getScene() == null ? null : node.localToScreen(node.getLayoutBounds()));
        return b == null ? null : new Point2D(b.getCenterX(), b.getCenterY());
    }

    /**
     * The mouse path TestFX's {@code moveTo} takes (a point per pixel of the distance, at most 200, in a straight
     * line), then the FX events the arrival causes. The steps go to the glass robot in one FX task instead of one
     * task and a 1 ms sleep each: the same mouse-moved events, in the same order.
     */
    private void moveTo(Point2D target) throws Exception {
        app.onFx(() -> {
            Point2D from = new Point2D(mouse.getMouseX(), mouse.getMouseY());
            int steps = (int) Math.max(1, Math.min(200, from.distance(target)));
            for (int i = 0; i < steps; i++) {
                Point2D step = from.add(target.subtract(from).multiply((double) i / steps));
                mouse.mouseMove(step);
            }
            mouse.mouseMove(target);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * A primary click as TestFX's {@code clickOn} makes it: press, the FX events it causes, release, the FX events
     * that causes. Between press and release one round of FX events rather than five.
     */
    private void click() throws Exception {
        app.onFx(() -> {
            mouse.mousePress(MouseButton.PRIMARY);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents(1);
        app.onFx(() -> {
            mouse.mouseRelease(MouseButton.PRIMARY);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void closeExtraWindows() {
        for (int i = 0; i < 5; i++) {
            List<Window> extra = new ArrayList<>();
            app.interact(() -> {
                Window main = app.find("#main-view").getScene().getWindow();
                for (Window w : Window.getWindows()) {
                    if (w != main && w.isShowing()) {
                        extra.add(w);
                    }
                }
            });
            if (extra.isEmpty()) {
                return;
            }
            app.interact(() -> extra.forEach(Window::hide));
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    private static String trace(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        String s = out.toString();
        return s.length() > 3000 ? s.substring(0, 3000) : s;
    }
}
