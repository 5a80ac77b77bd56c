package dev.kmslab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kmslab.App;
import dev.kmslab.study.quiz.QuestionJson;
import dev.kmslab.study.quiz.TrackCatalog;
import dev.kmslab.study.quiz.load.QuestionBankLoader;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.DialogPane;
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
        Path pack = Files.write(downloads.resolve("week 3.kmslab-pack"), QuestionJson.file("x",
                QuestionJson.single("wk3-1"), QuestionJson.single("wk3-2")).content());
        int builtIn = new QuestionBankLoader(TrackCatalog.fromClasspath()).loadBuiltIn().bank().forTrack("SAA").size();
        start(pack);
        robot.until(30, () -> robot.lookup("#quiz-count-SAA").tryQuery()
                .map(l -> ((Label) l).getText().equals((builtIn + 2) + " questions available")).orElse(false));
        assertThat(robot.lookup("#notices .label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("Question pack week 3.kmslab-pack (2 questions) was added to " + data.resolve("quizzes")
                        + ".");
        assertThat(data.resolve("quizzes/week-3.json")).hasSameBinaryContentAs(pack);
    }

    @Test
    void severalFilesOpenedTogether_areAllImported_inTurn() throws Exception {
        Path first = Files.write(downloads.resolve("week 4.kmslab-pack"), QuestionJson.file("x",
                QuestionJson.single("wk4-1")).content());
        Path second = Files.write(downloads.resolve("week 5.kmslab-pack"), QuestionJson.file("x",
                QuestionJson.single("wk5-1"), QuestionJson.single("wk5-2")).content());
        int builtIn = new QuestionBankLoader(TrackCatalog.fromClasspath()).loadBuiltIn().bank().forTrack("SAA").size();
        start(first, second);
        robot.until(30, () -> robot.lookup("#quiz-count-SAA").tryQuery()
                .map(l -> ((Label) l).getText().equals((builtIn + 3) + " questions available")).orElse(false));
        assertThat(data.resolve("quizzes/week-4.json")).hasSameBinaryContentAs(first);
        assertThat(data.resolve("quizzes/week-5.json")).hasSameBinaryContentAs(second);
    }

    @Test
    void aLab_isImported_andItsPageOpens() throws Exception {
        ObjectNode lab;
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("content/labs/automatic-rotation-period.json")) {
            lab = (ObjectNode) QuestionJson.MAPPER.readTree(in);
        }
        lab.put("id", "class-rotation").put("title", "Rotation, the class version");
        Path file = Files.write(downloads.resolve("rotation.kmslab-lab"), QuestionJson.pretty(lab));
        start(file);
        robot.until(30, () -> robot.lookup("#lab-title").tryQuery()
                .map(l -> ((Label) l).getText().equals("Rotation, the class version")).orElse(false));
        assertThat(data.resolve("labs/rotation.json")).hasSameBinaryContentAs(file);
        assertThat(robot.lookup("#notices .label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("Lab \"Rotation, the class version\" (rotation.kmslab-lab) was added to "
                        + data.resolve("labs") + ".");
    }

    @Test
    void aBadFile_opensAnErrorDialogNamingTheFileAndWhatIsWrong() throws Exception {
        Path typo = Files.writeString(downloads.resolve("typo.kmslab-pack"),
                "{\"questions\": [\n  {\"id\": \"x\",}\n]}");
        start(typo);
        robot.until(30, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        String text = robot.onFx(() -> dialog.getHeaderText() + "\n" + ((Label) dialog.getContent()).getText());
        assertThat(text).startsWith("Cannot open typo.kmslab-pack\n")
                .contains(typo + ": this question pack has 1 problem and was not imported")
                .contains(typo + ":2:").contains("not valid JSON");
        assertThat(data.resolve("quizzes")).doesNotExist();
        // The app goes on as usual: the quiz still loads the built-in bank.
        robot.clickOn(robot.lookup(".dialog-pane .button").queryButton());
        robot.clickOn("#nav-quiz");
        robot.until(30, () -> robot.lookup("#quiz-count-SAA").tryQuery().isPresent());
    }
}
