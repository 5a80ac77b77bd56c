package dev.kmslab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.SingleInstance;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.testfx.api.FxToolkit;

/**
 * A file opened while the app runs (a second double-click, {@code kms-lab pack.kmslab-pack} in a terminal): the
 * second start hands it to the running app, as the launcher does, and the running app comes to the front and opens it
 * exactly as at start-up: a pack shows in the Quiz, a lab's page opens (the catalogue read before is read again), a
 * bad file gets the same "Cannot open" dialog.
 */
@ResourceLock(UiTests.JAVAFX)
class FileHandedOverUiTest {

    @TempDir
    Path data;
    @TempDir
    Path downloads;

    private final AppDriver robot = new AppDriver();
    private SingleInstance primary;

    @BeforeEach
    void startTheRunningApp() throws Exception {
        SingleInstance.Claim claim = SingleInstance.claim(data, List.of(), data, Duration.ofSeconds(5));
        assertThat(claim).isInstanceOf(SingleInstance.Claim.Primary.class);
        primary = ((SingleInstance.Claim.Primary) claim).instance();
        // What the launcher does before it starts the app.
        SingleInstance.holdForApp(primary);
        robot.startWhereTheAppOpens(data);
    }

    @AfterEach
    void stop() throws Exception {
        robot.stop();
        // The app, stopping, gave the folder up: no instance.json, and the next start is the app.
        assertThat(data.resolve(SingleInstance.INFO_FILE)).doesNotExist();
        SingleInstance.Claim next = SingleInstance.claim(data, List.of(), data, Duration.ofSeconds(5));
        primary.close();
        assertThat(next).isInstanceOf(SingleInstance.Claim.Primary.class);
        ((SingleInstance.Claim.Primary) next).instance().close();
    }

    // A later start of the app on the same data folder, run from the folder the file is in.
    private void openFromASecondStart(String fileName) {
        assertThat(SingleInstance.claim(data, List.of(Path.of(fileName)), downloads, Duration.ofSeconds(10)))
                .isInstanceOf(SingleInstance.Claim.HandedOver.class);
    }

    @Test
    void aQuestionPack_bringsTheWindowBack_andTheQuizCountsItsQuestions() throws Exception {
        Path pack = OpenedFiles.pack(downloads, "week 3.kmslab-pack", "wk3-1", "wk3-2");
        int builtIn = OpenedFiles.builtInSaaQuestions();
        Stage stage = FxToolkit.toolkitContext().getRegisteredStage();
        robot.interact(() -> stage.setIconified(true));
        assertThat(robot.onFx(stage::isIconified)).isTrue();

        openFromASecondStart("week 3.kmslab-pack");

        OpenedFiles.untilQuizCounts(robot, builtIn + 2);
        assertThat(robot.onFx(stage::isIconified)).isFalse();
        assertThat(robot.lookup("#notices .label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("Question pack week 3.kmslab-pack (2 questions) was added to " + data.resolve("quizzes")
                        + ".");
        assertThat(data.resolve("quizzes/week-3.json")).hasSameBinaryContentAs(pack);
    }

    @Test
    void aLab_opensItsPage_afterTheLabsWereReadWithoutIt() throws Exception {
        robot.navigate("labs", "#labs-view");
        robot.until(30, () -> robot.lookup("#lab-row-automatic-rotation-period").tryQuery().isPresent());
        Path file = OpenedFiles.lab(downloads, "rotation.kmslab-lab");

        openFromASecondStart("rotation.kmslab-lab");

        OpenedFiles.untilLabOpens(robot);
        assertThat(data.resolve("labs/rotation.json")).hasSameBinaryContentAs(file);
    }

    @Test
    void aBadFile_opensTheCannotOpenDialog_andTheAppGoesOn() throws Exception {
        Path typo = OpenedFiles.typo(downloads);

        openFromASecondStart("typo.kmslab-pack");

        OpenedFiles.assertCannotOpenDialog(robot, typo, data);
    }
}
