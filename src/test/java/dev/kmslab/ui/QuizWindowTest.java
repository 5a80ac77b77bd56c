package dev.kmslab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.testfx.util.WaitForAsyncUtils;

@ResourceLock(UiTests.JAVAFX)
class QuizWindowTest {

    private static final Pattern CHOOSE = Pattern.compile("Choose (\\d+) \\(");

    @TempDir
    Path data;

    private final AppDriver app = new AppDriver();

    @BeforeEach
    void start() throws Exception {
        app.start(data);
        app.clickOn("#nav-quiz");
        app.waitFor("#quiz-track-cards");
    }

    @AfterEach
    void stop() throws Exception {
        app.stop();
    }

    private String text(String query) {
        return app.<javafx.scene.control.Labeled>find(query).getText();
    }

    /** How many options the shown question wants: 1, or N for "Choose N". */
    private int toChoose() {
        Matcher m = CHOOSE.matcher(text("#answer-instruction"));
        return m.find() ? Integer.parseInt(m.group(1)) : 1;
    }

    private void answerByClicking() {
        if (answeredWithoutOptions()) {
            return;
        }
        int n = toChoose();
        for (int i = 1; i <= n; i++) {
            app.scrollIntoView("#option-" + i);
            app.clickOn("#option-" + i);
        }
    }

    @Test
    void shortExam_answerFlagNavigateSubmit_showsTheDomainBreakdownAndIsSaved() throws Exception {
        app.clickOn("#exam-SAA");
        Spinner<Integer> count = app.find("#exam-count");
        app.interact(() -> count.getValueFactory().setValue(3));
        assertThat(text("#exam-time")).startsWith("questions · 6 minutes");
        app.clickOn("#exam-start");
        app.waitFor("#exam-view");
        assertThat(text("#question-position")).isEqualTo("Question 1 of 3");
        assertThat(text("#exam-timer")).matches("[56]:\\d\\d");
        // As in the real exam, neither the difficulty nor the domain of a question is shown.
        assertThat(app.lookup("#exam-view .difficulty-chip").tryQuery()).isEmpty();
        assertThat(app.lookup("#exam-view .domain-chip").tryQuery()).isEmpty();
        answerByClicking();
        assertThat(app.find("#grid-1").getStyleClass()).contains("answered", "current");
        app.clickOn("#exam-flag");
        assertThat(app.find("#grid-1").getStyleClass()).contains("flagged");
        app.clickOn("#grid-3");
        assertThat(text("#question-position")).isEqualTo("Question 3 of 3");
        assertThat(app.find("#grid-3").getStyleClass()).contains("current").doesNotContain("answered");
        app.type(KeyCode.P);
        assertThat(text("#question-position")).isEqualTo("Question 2 of 3");
        app.clickOn("#exam-submit");
        app.waitFor("#confirm-ok");
        assertThat(app.<Label>find("#dialog-text").getText())
                .contains("2 questions are unanswered").contains("1 question is flagged");
        app.clickOn("#confirm-ok");
        app.waitFor("#exam-result");
        String verdict = text("#result-verdict");
        Matcher score = Pattern.compile("(\\d+) / 1000 · pass mark 720").matcher(text("#result-score"));
        assertThat(score.matches()).isTrue();
        assertThat(verdict).isEqualTo(Integer.parseInt(score.group(1)) >= 720 ? "PASS" : "FAIL");
        assertThat(text("#result-raw")).matches("[01] of 3 correct");
        int total = 0;
        for (Node n : app.lookup("#result-domains .label").queryAll()) {
            Matcher m = Pattern.compile("(\\d+) of (\\d+) correct \\(\\d+%\\)").matcher(((Label) n).getText());
            if (m.matches()) {
                total += Integer.parseInt(m.group(2));
            }
        }
        assertThat(total).isEqualTo(3);
        app.clickOn("#review-filter-flagged");
        assertThat(app.lookup("#result-review .question-card").queryAll()).hasSize(1);
        assertThat(app.lookup("#review-entry-1").tryQuery()).isPresent();
        assertThat(Files.readString(data.resolve("quiz-progress.json"))).contains("\"trackId\" : \"SAA\"");
        app.clickOn("#quiz-home-button");
        assertThat(text("#quiz-scores-SAA")).startsWith("Best ");
    }

    @Test
    void practice_tryInTheLab_opensTheQuestionsFlowInTheFlowsPlayer() throws Exception {
        app.clickOn("#practice-SAA");
        app.clickOn("#practice-start");
        app.waitFor("#practice-view");
        // About one question in four names a lab; answer until one does (the order is random).
        for (int i = 0; i < 60 && app.lookup("#try-in-lab").tryQuery().isEmpty(); i++) {
            if (i > 0) {
                app.type(KeyCode.ENTER);
                WaitForAsyncUtils.waitForFxEvents();
            }
            answerByClicking();
            app.clickOn("#practice-submit");
            app.waitFor("#feedback");
        }
        app.scrollIntoView("#try-in-lab");
        app.clickOn("#try-in-lab");
        app.waitFor("#flows-view");
        dev.kmslab.ui.flows.FlowsView flows = app.find("#flows-view");
        app.until(() -> flows.player().model().flowProperty().get() != null);
        String flowId = app.onFx(() -> flows.player().model().flowProperty().get().id());
        assertThat(dev.kmslab.flow.FlowCatalogue.find(flowId)).isPresent();
        assertThat(app.<javafx.scene.control.ToggleButton>find("#nav-flows").isSelected()).isTrue();
        // The step list fills on a later pulse than the one that set the flow.
        app.waitFor("#flow-steps .list-cell");
    }

    @Test
    void practice_showsEveryExplanationAfterSubmitting_andKeysWork() throws Exception {
        app.clickOn("#practice-SAA");
        assertThat(text("#practice-count")).matches("\\d+ questions match");
        app.clickOn("#practice-start");
        app.waitFor("#practice-view");
        assertThat(app.lookup("#feedback").tryQuery()).isEmpty();
        int options = app.lookup(".answer-option").queryAll().size();
        answerByClicking();
        app.clickOn("#practice-submit");
        app.waitFor("#feedback");
        assertThat(text("#feedback-verdict")).isIn("Correct", "Incorrect");
        // The feedback replaces the answer controls; the other options' explanations fold away.
        assertThat(app.lookup(".answer-option").queryAll()).isEmpty();
        if (app.lookup("#feedback-others").tryQuery().isPresent()) {
            app.interact(() -> app.<javafx.scene.control.TitledPane>find("#feedback-others").setExpanded(true));
        }
        assertThat(app.lookup(".feedback-option").queryAll()).hasSize(options);
        assertThat(app.lookup(".feedback-explanation").queryAllAs(Label.class)).hasSize(options)
                .allSatisfy(l -> assertThat(l.getText()).isNotBlank());
        assertThat(text("#feedback-reference")).startsWith("AWS docs: ");
        app.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text("#question-position")).startsWith("Question 2 of ");
        int n = toChoose();
        for (int i = 1; i <= n; i++) {
            app.type(KeyCode.valueOf("DIGIT" + i));
        }
        app.type(KeyCode.ENTER);
        app.waitFor("#feedback");
        assertThat(text("#feedback-verdict")).isIn("Correct", "Incorrect");
        assertThat(text("#practice-score")).matches("[012] of 2 correct so far");
    }

    /** True when the node lies wholly inside the scroll pane's visible viewport (no scrolling needed to see it). */
    private static boolean inViewport(javafx.scene.control.ScrollPane scroll, Node node) {
        javafx.geometry.Bounds view = scroll.localToScene(scroll.getLayoutBounds());
        javafx.geometry.Bounds b = node.localToScene(node.getLayoutBounds());
        return node.isVisible() && b.getMinY() >= view.getMinY() - 0.5 && b.getMaxY() <= view.getMaxY() + 0.5
                && b.getMinX() >= view.getMinX() - 0.5 && b.getMaxX() <= view.getMaxX() + 0.5;
    }

    @Test
    void practiceMiss_at1280x800_feedbackAndNextInSight_thenTheQuestionIsDueInReview() throws Exception {
        javafx.stage.Window window = app.find("#main-view").getScene().getWindow();
        app.interact(() -> {
            window.setWidth(1280);
            window.setHeight(800);
        });
        WaitForAsyncUtils.waitForFxEvents();
        app.clickOn("#practice-SAA");
        app.clickOn("#practice-length-10");
        app.clickOn("#practice-start");
        app.waitFor("#practice-view");
        assertThat(text("#question-position")).isEqualTo("Question 1 of 10");
        // Practice, unlike the exam, shows the question's difficulty and domain.
        assertThat(app.lookup("#practice-view .difficulty-chip").tryQuery()).isPresent();
        assertThat(app.<Label>find("#practice-view .domain-chip").getText()).startsWith("SAA: ");
        String missed = null;
        // Answer by clicking the first options until one answer is wrong (the order is random).
        for (int i = 0; i < 10 && missed == null; i++) {
            if (i > 0) {
                app.clickOn("#practice-next");
                WaitForAsyncUtils.waitForFxEvents();
            }
            String stem = text("#question-stem");
            answerByClicking();
            app.clickOn("#practice-submit");
            app.waitFor("#feedback");
            if (text("#feedback-verdict").equals("Incorrect")) {
                missed = stem;
            }
        }
        assertThat(missed).as("a wrong answer within 10 questions").isNotNull();
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ScrollPane scroll = app.find("#practice-scroll");
        Node chosen = app.lookup(".feedback-option.option-wrong .feedback-explanation").query();
        assertThat(((Label) chosen).getText()).isNotBlank();
        assertThat(inViewport(scroll, app.find("#feedback-verdict"))).as("verdict in sight").isTrue();
        assertThat(inViewport(scroll, chosen)).as("the chosen option's explanation in sight").isTrue();
        assertThat(inViewport(scroll, app.find("#practice-next"))).as("Next in sight").isTrue();
        assertThat(text("#practice-due")).contains("a miss is due again the same day");
        app.clickOn("#practice-next");
        WaitForAsyncUtils.waitForFxEvents();
        app.clickOn("#quiz-home-button");
        app.waitFor("#quiz-track-cards");
        assertThat(text("#quiz-due-SAA")).matches("[1-9]\\d* due today · .*");
        assertThat(text("#mistakes-SAA")).isEqualTo("My mistakes (1)");
        assertThat(app.lookup("#resume-SAA").tryQuery()).isPresent();
        app.scrollIntoView("#review-SAA");
        app.clickOn("#review-SAA");
        app.waitFor("#review-view");
        // Misses are due first (1-minute step), ahead of right answers (10-minute step).
        assertThat(text("#question-stem")).isEqualTo(missed);
    }

    /**
     * A matching question (some tracks have one) is answered by choosing the first target in each row; an ordering
     * question's shown order is already an answer. Returns false for a choice question, answered by its options.
     */
    private boolean answeredWithoutOptions() {
        if (app.lookup("#option-1").tryQuery().isPresent()) {
            return false;
        }
        for (int i = 1; app.lookup("#match-" + i).tryQuery().isPresent(); i++) {
            javafx.scene.control.ComboBox<?> combo = app.find("#match-" + i);
            app.interact(() -> combo.getSelectionModel().select(0));
        }
        return true;
    }
}
