package dev.kmslab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kmslab.SingleInstance;
import dev.kmslab.study.quiz.QuestionJson;
import dev.kmslab.study.quiz.TrackCatalog;
import dev.kmslab.study.quiz.load.QuestionBankLoader;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.DialogPane;
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
        Path pack = Files.write(downloads.resolve("week 3.kmslab-pack"), QuestionJson.file("x",
                QuestionJson.single("wk3-1"), QuestionJson.single("wk3-2")).content());
        int builtIn = new QuestionBankLoader(TrackCatalog.fromClasspath()).loadBuiltIn().bank().forTrack("SAA").size();
        Stage stage = FxToolkit.toolkitContext().getRegisteredStage();
        robot.interact(() -> stage.setIconified(true));
        assertThat(robot.onFx(stage::isIconified)).isTrue();

        openFromASecondStart("week 3.kmslab-pack");

        robot.until(30, () -> robot.lookup("#quiz-count-SAA").tryQuery()
                .map(l -> ((Label) l).getText().equals((builtIn + 2) + " questions available")).orElse(false));
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
        ObjectNode lab;
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("content/labs/automatic-rotation-period.json")) {
            lab = (ObjectNode) QuestionJson.MAPPER.readTree(in);
        }
        lab.put("id", "class-rotation").put("title", "Rotation, the class version");
        Path file = Files.write(downloads.resolve("rotation.kmslab-lab"), QuestionJson.pretty(lab));

        openFromASecondStart("rotation.kmslab-lab");

        robot.until(30, () -> robot.lookup("#lab-title").tryQuery()
                .map(l -> ((Label) l).getText().equals("Rotation, the class version")).orElse(false));
        assertThat(data.resolve("labs/rotation.json")).hasSameBinaryContentAs(file);
    }

    @Test
    void aBadFile_opensTheCannotOpenDialog_andTheAppGoesOn() throws Exception {
        Path typo = Files.writeString(downloads.resolve("typo.kmslab-pack"),
                "{\"questions\": [\n  {\"id\": \"x\",}\n]}");

        openFromASecondStart("typo.kmslab-pack");

        robot.until(30, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        String text = robot.onFx(() -> dialog.getHeaderText() + "\n" + ((Label) dialog.getContent()).getText());
        assertThat(text).startsWith("Cannot open typo.kmslab-pack\n")
                .contains(typo + ": this question pack has 1 problem and was not imported")
                .contains(typo + ":2:").contains("not valid JSON");
        assertThat(data.resolve("quizzes")).doesNotExist();
        robot.clickOn(robot.lookup(".dialog-pane .button").queryButton());
        robot.clickOn("#nav-quiz");
        robot.until(30, () -> robot.lookup("#quiz-count-SAA").tryQuery().isPresent());
    }
}
