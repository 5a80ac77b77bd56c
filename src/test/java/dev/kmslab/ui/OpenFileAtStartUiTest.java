package dev.kmslab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.App;
import java.nio.file.Path;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.testfx.api.FxToolkit;

/**
 * The app started with a file argument, as the installed package's file association starts it on a double-click:
 * a question pack is imported and the Quiz shows its questions, a lab is imported and its page opens, and a bad file
 * opens an error dialog naming the file and what is wrong.
 */
@ResourceLock(UiTests.JAVAFX)
class OpenFileAtStartUiTest {

    @TempDir
    Path data;
    @TempDir
    Path downloads;

    private final AppDriver robot = new AppDriver();
    private App app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    private void start(Path... files) throws Exception {
        FxToolkit.registerPrimaryStage();
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--data-dir", data.toString()));
        for (Path file : files) {
            args.add(file.toString());
        }
        app = (App) FxToolkit.setupApplication(App.class, args.toArray(String[]::new));
    }

    @Test
    void aQuestionPack_isImported_andTheQuizCountsItsQuestions() throws Exception {
        Path pack = OpenedFiles.pack(downloads, "week 3.kmslab-pack", "wk3-1", "wk3-2");
        int builtIn = OpenedFiles.builtInSaaQuestions();
        start(pack);
        OpenedFiles.untilQuizCounts(robot, builtIn + 2);
        assertThat(robot.lookup("#notices .label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("Question pack week 3.kmslab-pack (2 questions) was added to " + data.resolve("quizzes")
                        + ".");
        assertThat(data.resolve("quizzes/week-3.json")).hasSameBinaryContentAs(pack);
    }

    @Test
    void severalFilesOpenedTogether_areAllImported_inTurn() throws Exception {
        Path first = OpenedFiles.pack(downloads, "week 4.kmslab-pack", "wk4-1");
        Path second = OpenedFiles.pack(downloads, "week 5.kmslab-pack", "wk5-1", "wk5-2");
        int builtIn = OpenedFiles.builtInSaaQuestions();
        start(first, second);
        OpenedFiles.untilQuizCounts(robot, builtIn + 3);
        assertThat(data.resolve("quizzes/week-4.json")).hasSameBinaryContentAs(first);
        assertThat(data.resolve("quizzes/week-5.json")).hasSameBinaryContentAs(second);
    }

    @Test
    void aLab_isImported_andItsPageOpens() throws Exception {
        Path file = OpenedFiles.lab(downloads, "rotation.kmslab-lab");
        start(file);
        OpenedFiles.untilLabOpens(robot);
        assertThat(data.resolve("labs/rotation.json")).hasSameBinaryContentAs(file);
        assertThat(robot.lookup("#notices .label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("Lab \"Rotation, the class version\" (rotation.kmslab-lab) was added to "
                        + data.resolve("labs") + ".");
    }

    @Test
    void aBadFile_opensAnErrorDialogNamingTheFileAndWhatIsWrong() throws Exception {
        Path typo = OpenedFiles.typo(downloads);
        start(typo);
        OpenedFiles.assertCannotOpenDialog(robot, typo, data);
    }
}
