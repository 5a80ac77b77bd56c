package dev.kmslab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.study.quiz.QuestionJson;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

@ResourceLock(UiTests.JAVAFX)
class QuizPacksWindowTest {

    @TempDir
    Path data;

    private final AppDriver app = new AppDriver();

    @AfterEach
    void stop() throws Exception {
        app.stop();
    }

    @Test
    void badInstructorPackAndDamagedProgress_areReported_andTheRestOfTheQuizWorks() throws Exception {
        Files.createDirectories(data.resolve("quizzes"));
        Files.write(data.resolve("quizzes/ours.json"), QuestionJson.file("ours.json",
                QuestionJson.single("ours-1")).content());
        Files.writeString(data.resolve("quizzes/typo.json"), "{\"questions\": [\n  {\"id\": \"x\",}\n]}");
        Files.writeString(data.resolve("quiz-progress.json"), "not json");
        app.start(data);
        app.clickOn("#nav-quiz");
        app.waitFor("#quiz-problems");
        assertThat(app.lookup("#quiz-problems .problem-line").queryAllAs(Label.class)).singleElement()
                .satisfies(l -> assertThat(l.getText()).contains("typo.json:2:").contains("not valid JSON"));
        assertThat(app.lookup("#notices .label").queryAllAs(Label.class)).extracting(Label::getText)
                .anyMatch(t -> t.startsWith("Your quiz progress file could not be read"));
        assertThat(app.<Label>find("#quiz-count-SAA").getText()).matches("\\d+ questions available");
        // The problems list and notices push the cards below the fold; a learner scrolls, the test presses it.
        javafx.scene.control.Button practice = app.find("#practice-SAA");
        app.interact(practice::fire);
        assertThat(app.<Label>find("#practice-count").getText()).matches("[1-9]\\d* questions match");
        app.stop();
        app.start(data);
        assertThat(app.lookup("#notices .label").queryAllAs(Label.class)).extracting(Label::getText)
                .noneMatch(t -> t.startsWith("Your quiz progress file"));
    }
}
