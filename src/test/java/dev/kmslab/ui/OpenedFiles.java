package dev.kmslab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kmslab.study.quiz.QuestionJson;
import dev.kmslab.study.quiz.TrackCatalog;
import dev.kmslab.study.quiz.load.QuestionBankLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;

/**
 * The files and checks that the tests of opening a question pack or lab share, whether the file comes with the app's
 * start (OpenFileAtStartUiTest) or from a later start handing it over (FileHandedOverUiTest).
 */
final class OpenedFiles {

    static final String LAB_TITLE = "Rotation, the class version";

    private OpenedFiles() {
    }

    /** A question pack of single-answer questions with these ids. */
    static Path pack(Path folder, String fileName, String... ids) throws IOException {
        ObjectNode[] questions = new ObjectNode[ids.length];
        for (int i = 0; i < ids.length; i++) {
            questions[i] = QuestionJson.single(ids[i]);
        }
        return Files.write(folder.resolve(fileName), QuestionJson.file("x", questions).content());
    }

    /** A lab: the built-in rotation lab under the id class-rotation and {@link #LAB_TITLE}. */
    static Path lab(Path folder, String fileName) throws IOException {
        ObjectNode lab;
        try (InputStream in = OpenedFiles.class.getClassLoader()
                .getResourceAsStream("content/labs/automatic-rotation-period.json")) {
            lab = (ObjectNode) QuestionJson.MAPPER.readTree(in);
        }
        lab.put("id", "class-rotation").put("title", LAB_TITLE);
        return Files.write(folder.resolve(fileName), QuestionJson.pretty(lab));
    }

    /** A question pack that is not valid JSON (a trailing comma on line 2). */
    static Path typo(Path folder) throws IOException {
        return Files.writeString(folder.resolve("typo.kmslab-pack"), "{\"questions\": [\n  {\"id\": \"x\",}\n]}");
    }

    static int builtInSaaQuestions() {
        return new QuestionBankLoader(TrackCatalog.fromClasspath()).loadBuiltIn().bank().forTrack("SAA").size();
    }

    /** Waits until the Quiz counts this many SAA questions. */
    static void untilQuizCounts(AppDriver robot, int questions) throws Exception {
        robot.until(30, () -> robot.lookup("#quiz-count-SAA").tryQuery()
                .map(l -> ((Label) l).getText().equals(questions + " questions available")).orElse(false));
    }

    /** Waits until the lab's page shows its title. */
    static void untilLabOpens(AppDriver robot) throws Exception {
        robot.until(30, () -> robot.lookup("#lab-title").tryQuery()
                .map(l -> ((Label) l).getText().equals(LAB_TITLE)).orElse(false));
    }

    /**
     * The "Cannot open" dialog for {@link #typo}: it names the file, the line and what is wrong, nothing was imported,
     * and once it is closed the app goes on as usual (the Quiz still loads the built-in bank).
     */
    static void assertCannotOpenDialog(AppDriver robot, Path typo, Path data) throws Exception {
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
