package dev.kmslab.ui.flows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.flow.Flow;
import dev.kmslab.flow.FlowRecorder;
import dev.kmslab.flow.Step;
import dev.kmslab.ui.AppDriver;
import dev.kmslab.ui.finish.CssLog;
import dev.kmslab.ui.UiTests;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.testfx.util.WaitForAsyncUtils;

/** The Flows section in the real app: play the envelope flow, presenter mode, exports, and "Watch it". */
@ResourceLock(UiTests.JAVAFX)
class FlowsWindowTest {

    // The narration and step names do not depend on the random bytes, so a second recording gives the expected text.
    private static final Flow EXPECTED = FlowRecorder.standalone(new SecureRandom())
            .record("envelope-encryption", Optional.empty());

    @TempDir
    Path data;

    @TempDir
    Path exports;

    private final AppDriver app = new AppDriver();
    private FlowsView flows;
    private CssLog css;

    @BeforeEach
    void start() throws Exception {
        css = CssLog.attach();
        app.start(data);
        app.navigate("flows", "#flows-catalogue");
        flows = app.find("#flows-view");
        app.interact(() -> flows.player().model().setStepMillis(0));
        app.clickOn("#flow-card-envelope-encryption");
        app.waitFor("#flow-steps .list-cell");
    }

    // Every test also checks that no style rule failed to convert (JavaFX only logs those and draws the old value):
    // the catalogue cards, the narration's simulation note and the presenter window are all styled here.
    @AfterEach
    void stop() throws Exception {
        try {
            app.stop();
        } finally {
            css.close();
        }
        assertThat(css.messages()).as("CSS warnings").isEmpty();
    }

    private String narration() {
        return app.<Label>find("#narration").getText();
    }

    private String counter() {
        return app.<Label>find("#step-counter").getText();
    }

    private void key(KeyCode code) {
        app.type(code);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void playsTheEnvelopeFlowStepByStepToTheEnd() {
        List<Step> steps = EXPECTED.steps();
        ListView<Step> list = app.find("#flow-steps");
        assertThat(list.getItems()).extracting(Step::action).containsExactlyElementsOf(
                steps.stream().map(Step::action).toList());
        assertThat(app.<Label>find("#flow-title").getText()).isEqualTo("Envelope encryption");
        for (int i = 0; i < steps.size(); i++) {
            assertThat(counter()).startsWith("Step " + (i + 1) + " of " + steps.size());
            assertThat(narration()).isEqualTo(steps.get(i).narration());
            assertThat(list.getSelectionModel().getSelectedIndex()).isEqualTo(i);
            assertThat(app.<Label>find("#step-title").getText()).isEqualTo(steps.get(i).action());
            if (i % 2 == 0) {
                key(KeyCode.RIGHT);
            } else {
                app.clickOn("#flow-next");
            }
        }
        assertThat(app.<Button>find("#flow-next").isDisabled()).isTrue();
        assertThat(counter()).startsWith("Step " + steps.size() + " of");
        key(KeyCode.LEFT);
        assertThat(narration()).isEqualTo(steps.get(steps.size() - 2).narration());
        key(KeyCode.HOME);
        assertThat(counter()).startsWith("Step 1 of");
        assertThat(app.<Button>find("#flow-prev").isDisabled()).isTrue();
        key(KeyCode.END);
        assertThat(counter()).startsWith("Step " + steps.size() + " of");
    }

    @Test
    void stepListJumpsAndPlayRunsToTheEnd() throws Exception {
        ListView<Step> list = app.find("#flow-steps");
        app.interact(() -> list.getSelectionModel().select(3));
        assertThat(narration()).isEqualTo(EXPECTED.steps().get(3).narration());
        // The plaintext data key, and the message id and suite data as one chip of two.
        assertThat(app.lookup("#packets .packet").queryAll()).extracting(n -> ((javafx.scene.control.Label) n).getText())
                .containsExactly("data key", "data ×2");
        key(KeyCode.HOME);
        key(KeyCode.SPACE);
        app.until(() -> !flows.player().model().playingProperty().get());
        assertThat(counter()).startsWith("Step " + EXPECTED.steps().size() + " of");
        assertThat(app.<Label>find("#step-failure").isVisible()).isFalse();
    }

    @Test
    void stepsBeyondAwsDocumentationShowTheSimulationBadge_othersDoNot() {
        javafx.scene.Node box = app.find("#step-simulation-box");
        assertThat(EXPECTED.steps().get(0).simulated()).isFalse();
        assertThat(box.isVisible()).isFalse();

        Flow denied = FlowRecorder.standalone(new SecureRandom()).record("access-denied", Optional.empty());
        int index = denied.steps().indexOf(denied.steps().stream().filter(Step::failed).findFirst().orElseThrow());
        app.interact(() -> {
            flows.player().model().load(denied);
            flows.player().model().jump(index);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(box.isVisible()).isTrue();
        assertThat(app.<Label>find("#step-simulation-badge").getText()).isEqualTo("KMS Lab simulation");
        assertThat(app.<Label>find("#step-simulation").getText()).startsWith(Step.SIMULATOR_HEADING)
                .contains("IMPLICIT_DENY");
        assertThat(narration()).doesNotContain("IMPLICIT_DENY");
    }

    @Test
    void presenterModeTurnsOnAndOff() {
        app.clickOn("#presenter-toggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(flows.inPresenterWindow()).isTrue();
        assertThat(app.lookup("#presenter-root #flow-player").tryQuery()).isPresent();
        key(KeyCode.RIGHT);
        assertThat(counter()).startsWith("Step 2 of");
        key(KeyCode.ESCAPE);
        assertThat(flows.inPresenterWindow()).isFalse();
        assertThat(app.lookup("#flows-view #flow-player").tryQuery()).isPresent();
        key(KeyCode.F5);
        assertThat(flows.inPresenterWindow()).isTrue();
        app.clickOn("#presenter-toggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(flows.inPresenterWindow()).isFalse();
        assertThat(counter()).startsWith("Step 2 of");
    }

    @Test
    void exportsWriteTheHtmlPageAndOnePngPerStep() throws Exception {
        dev.kmslab.ui.common.ScriptedDialogs dialogs = new dev.kmslab.ui.common.ScriptedDialogs()
                .willChoose(exports).willChoose(exports);
        app.interact(() -> flows.setDialogs(dialogs));
        app.clickOn("#export-html");
        Path page = exports.resolve("envelope-encryption.html");
        assertThat(page).exists();
        String html = Files.readString(page, StandardCharsets.UTF_8);
        Flow shown = flows.player().model().flowProperty().get();
        String dataKeyHex = shown.steps().get(2).payload("Plaintext data key").orElseThrow().hex();
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>").doesNotContain("<script")
                .contains(dataKeyHex).contains("Plaintext data key erased from memory");

        app.clickOn("#export-png");
        try (Stream<Path> files = Files.list(exports)) {
            List<Path> pngs = files.filter(p -> p.toString().endsWith(".png")).sorted().toList();
            assertThat(pngs).hasSize(shown.steps().size());
            assertThat(pngs.get(0).getFileName().toString()).isEqualTo("envelope-encryption-01.png");
            byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(pngs.get(0)), 4);
            assertThat(head).containsExactly((byte) 0x89, (byte) 0x50, (byte) 0x4E, (byte) 0x47);
        }
        assertThat(app.<Label>find("#flow-notice").getText()).contains(String.valueOf(shown.steps().size()));
        assertThat(counter()).startsWith("Step 1 of");
        assertThat(dialogs.fileRequests()).extracting(dev.kmslab.ui.common.DialogService.FileRequest::title)
                .containsExactly("Export to folder", "Export to folder");
    }

    @Test
    void watchItOnTheServiceMapOpensTheServiceFlow() throws Exception {
        app.navigate("services", "#service-map");
        app.clickOn("#service-s3");
        app.clickOn("#service-watch");
        app.waitFor("#flow-steps .list-cell");
        app.until(() -> "S3 SSE-KMS".equals(app.<Label>find("#flow-title").getText()));
        assertThat(app.<Label>find("#section-title").getText()).isEqualTo("Flows");
        app.clickOn("#flow-back");
        assertThat(app.lookup("#flows-catalogue").tryQuery()).isPresent();
    }
}
