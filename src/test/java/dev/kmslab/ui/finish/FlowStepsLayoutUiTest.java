package dev.kmslab.ui.finish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.flow.Flow;
import dev.kmslab.flow.FlowCatalogue;
import dev.kmslab.flow.FlowDefinition;
import dev.kmslab.flow.FlowRecorder;
import dev.kmslab.ui.AppDriver;
import dev.kmslab.ui.UiTests;
import dev.kmslab.ui.shell.MainView;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The layout check ({@link LayoutCheck}) on every step of every flow in the flow player, at a small laptop (1024×640)
 * and a laptop (1280×800): each step brings its own step name, parameters, narration and Bytes cards (a long
 * algorithm suite name, an ARN, a JSON context), and none may be cut, broken mid-word or pushed out of the window.
 * {@link ScreenLayoutUiTest} covers the player's frame at every zoom and theme; this covers its contents.
 *
 * <p>Every step at both sizes (some 400 step views) takes about two minutes on two cores, far over the suite's budget
 * for one class, so that is asked for with {@code -Dkmslab.flowSteps=true}. Every run checks a sample instead: the
 * first, middle and last step of every flow at 1024×640, the tightest size, where the defects this class found
 * showed (a cut step name, an arrow label past the diagram, a cut badge, narration below its scroll pane).
 * {@link ScreenLayoutUiTest} checks the envelope flow's header step at every zoom and theme.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ResourceLock(UiTests.JAVAFX)
class FlowStepsLayoutUiTest {

    static final boolean EVERY_STEP = Boolean.getBoolean("kmslab.flowSteps");
    static final double[][] SIZES = EVERY_STEP ? new double[][] {{1024, 640}, {1280, 800}}
            : new double[][] {{1024, 640}};

    @TempDir
    static Path data;

    private final AppDriver app = new AppDriver();

    @BeforeAll
    void start() throws Exception {
        app.start(data);
    }

    @AfterAll
    void stop() throws Exception {
        app.stop();
    }

    @Test
    void everyStepOfEveryFlow_atLaptopSizes_hasNoCutTextNoWordBrokenMidWordAndNothingOutside() throws Exception {
        MainView view = app.find("#main-view");
        FlowRecorder recorder = FlowRecorder.standalone(new SecureRandom());
        Map<String, List<String>> problems = new LinkedHashMap<>();
        int steps = 0;
        for (FlowDefinition definition : FlowCatalogue.all()) {
            Flow flow = recorder.record(definition.id(), Optional.empty());
            app.interact(() -> view.showFlow(flow));
            for (double[] size : SIZES) {
                FinishFixture.resize(app, size[0], size[1]);
                for (int step : stepsToCheck(flow.steps().size())) {
                    app.interact(() -> view.flows().player().jump(step));
                    // Wrapped labels settle their height a pulse after their width (as ScreenLayoutUiTest waits).
                    WaitForAsyncUtils.waitForFxEvents(3);
                    String where = String.format(java.util.Locale.ROOT, "%s step %d at %dx%d", definition.id(),
                            step + 1, (int) size[0], (int) size[1]);
                    app.interact(() -> {
                        view.getScene().getRoot().applyCss();
                        view.getScene().getRoot().layout();
                        view.getScene().getRoot().layout();
                        for (String p : LayoutCheck.problems(view.getScene(), true)) {
                            problems.computeIfAbsent(p, k -> new ArrayList<>()).add(where);
                        }
                        // Beside the Bytes card the narration reads as prose: at least 15 of its ems wide (a wide
                        // step list once left it a column of two or three words a line).
                        javafx.scene.Node bytes = view.lookup("#bytes-scroll");
                        javafx.scene.control.Labeled narration =
                                (javafx.scene.control.Labeled) view.lookup("#narration");
                        double width = view.lookup("#narration-scroll").getLayoutBounds().getWidth();
                        if (bytes.isVisible() && width < 15 * narration.getFont().getSize()) {
                            problems.computeIfAbsent(String.format(java.util.Locale.ROOT,
                                    "narration %.0f px wide beside the Bytes card (< 15em)", width),
                                    k -> new ArrayList<>()).add(where);
                        }
                    });
                    steps++;
                }
            }
        }
        List<String> listed = new ArrayList<>();
        problems.forEach((p, where) -> listed.add(p + "  [at " + String.join(", ", where) + "]"));
        assertThat(steps).as("steps checked").isGreaterThanOrEqualTo(3 * FlowCatalogue.all().size());
        assertThat(listed).as("layout problems").isEmpty();
    }

    /** Every step, or the first, middle and last. */
    static List<Integer> stepsToCheck(int count) {
        if (EVERY_STEP) {
            return java.util.stream.IntStream.range(0, count).boxed().toList();
        }
        return java.util.stream.Stream.of(0, count / 2, count - 1).distinct().toList();
    }
}
