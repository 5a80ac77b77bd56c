package dev.kmslab.ui.finish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.ui.AppDriver;
import dev.kmslab.ui.UiTests;
import dev.kmslab.ui.flows.FlowsView;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.testfx.util.WaitForAsyncUtils;

/** The flow player in presenter mode and at a large zoom: nothing the audience must read is cut. */
@ResourceLock(UiTests.JAVAFX)
class PresenterFitUiTest {

    @TempDir
    Path data;

    private final AppDriver app = new AppDriver();
    private FlowsView flows;

    @BeforeEach
    void start() throws Exception {
        app.start(data);
        app.navigate("flows", "#flows-catalogue");
        flows = app.find("#flows-view");
        app.interact(() -> flows.player().model().setStepMillis(0));
        app.clickOn("#flow-card-envelope-encryption");
        app.waitFor("#flow-steps .list-cell");
        // Step 3, GenerateDataKey: the plaintext data key, with its SECRET badge, is in the Bytes panel.
        ListView<?> steps = app.find("#flow-steps");
        app.interact(() -> steps.getSelectionModel().select(2));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void stop() throws Exception {
        if (flows.inPresenterWindow()) {
            app.type(KeyCode.ESCAPE);
        }
        app.stop();
    }

    private void present() {
        app.type(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(flows.inPresenterWindow()).isTrue();
        app.interact(() -> flows.player().applyCss());
        app.interact(() -> flows.player().layout());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Bounds scene(Node node) {
        return node.localToScene(node.getBoundsInLocal());
    }

    private double titleFontSize() {
        return app.<Label>find("#step-title").getFont().getSize();
    }

    @Test
    void presenterMode_followsCtrlPlusAndMinus() {
        present();
        double before = titleFontSize();
        app.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        double bigger = titleFontSize();
        assertThat(bigger).isGreaterThan(before);
        app.press(KeyCode.CONTROL, KeyCode.MINUS).release(KeyCode.MINUS, KeyCode.CONTROL);
        app.press(KeyCode.CONTROL, KeyCode.MINUS).release(KeyCode.MINUS, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(titleFontSize()).isLessThan(before);
    }

    @Test
    void presenterMode_at1280x800_showsWholeStepNames_andTheWholeBytesCard() {
        present();
        List<String> cut = new ArrayList<>();
        for (Node cell : app.lookup("#flow-steps .list-cell").queryAll()) {
            ListCell<?> c = (ListCell<?>) cell;
            if (c.getItem() != null && FinishFixture.isCut(c)) {
                cut.add(c.getText() + " -> " + FinishFixture.shownText(c));
            }
        }
        assertThat(cut).as("step names").isEmpty();
        List<String> broken = new ArrayList<>();
        for (Node node : app.lookup("#flow-steps .list-cell").queryAll()) {
            wordsBrokenIn((Labeled) node, broken);
        }
        for (Node node : app.lookup("#bytes-scroll .payload-name").queryAll()) {
            wordsBrokenIn((Labeled) node, broken);
        }
        assertThat(broken).as("words wider than their label, so broken mid-word").isEmpty();
        Bounds bytes = scene(app.find("#bytes-scroll"));
        for (Node box : app.lookup("#bytes-scroll .payload-box").queryAll()) {
            assertThat(scene(box).getMaxX()).as("payload box right edge").isLessThanOrEqualTo(bytes.getMaxX() + 0.5);
        }
        Node badge = app.lookup("#bytes-scroll .secret-badge").query();
        assertThat(scene(badge).getMaxX()).as("SECRET badge").isLessThanOrEqualTo(bytes.getMaxX() + 0.5);
        Label narration = app.find("#narration");
        assertThat(FinishFixture.isCut(narration)).isFalse();
        assertThat(scene(narration).getMaxY()).as("narration bottom")
                .isLessThanOrEqualTo(scene(app.find("#narration-scroll")).getMaxY() + 0.5);
    }

    private static void wordsBrokenIn(Labeled label, List<String> broken) {
        if (label.getText() == null) {
            return;
        }
        double graphic = label.getGraphic() == null ? 0
                : label.getGraphic().getLayoutBounds().getWidth() + label.getGraphicTextGap();
        double room = label.getWidth() - label.getInsets().getLeft() - label.getInsets().getRight() - graphic;
        for (String word : label.getText().split(" ")) {
            Text probe = new Text(word);
            probe.setFont(label.getFont());
            if (probe.getLayoutBounds().getWidth() > room + 0.5) {
                broken.add(label.getText() + ": '" + word + "' in " + Math.round(room) + " px");
            }
        }
    }

    @Test
    void normalMode_at130Percent_laneHeadersKeepWholeWords() {
        Label zoom = app.find("#zoom-label");
        for (int i = 0; i < 3; i++) {
            app.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(zoom.getText()).isEqualTo("Zoom 130%");
        app.interact(() -> flows.player().model().jump(2));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> problems = new ArrayList<>();
        for (Node node : app.lookup(".actor-box").queryAll()) {
            Labeled head = (Labeled) node;
            if (FinishFixture.isCut(head)) {
                problems.add(head.getText() + " cut to " + FinishFixture.shownText(head));
            }
            double graphic = head.getGraphic() == null ? 0
                    : head.getGraphic().getLayoutBounds().getWidth() + head.getGraphicTextGap();
            double room = head.getWidth() - head.getInsets().getLeft() - head.getInsets().getRight() - graphic;
            for (String word : head.getText().split(" ")) {
                Text probe = new Text(word);
                probe.setFont(head.getFont());
                if (probe.getLayoutBounds().getWidth() > room + 0.5) {
                    problems.add(head.getText() + ": '" + word + "' wider than " + room);
                }
            }
        }
        assertThat(problems).isEmpty();
    }
}
