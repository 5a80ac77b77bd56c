package dev.kmslab.ui.path;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.model.ListAliasesRequest;
import dev.kmslab.study.content.ContentSearch;
import dev.kmslab.study.labs.LabProgress;
import dev.kmslab.study.quiz.Question;
import dev.kmslab.ui.AppDriver;
import dev.kmslab.ui.UiTests;
import dev.kmslab.ui.flows.FlowsView;
import dev.kmslab.ui.keylab.common.KeyLabSession;
import dev.kmslab.ui.shell.MainView;
import java.nio.file.Path;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.testfx.util.WaitForAsyncUtils;

/**
 * One learner, one module, end to end, all by clicking: a first launch opens "Start here"; they choose SAA, read the
 * key-policies page to its end, step through the access-denied flow, do the least-privilege lab in the Key Lab's
 * policy editor (a first attempt fails a check that says why, the fix passes, their own keys stay untouched), answer
 * three questions on the topic, and the path shows the module done. Then they look a question up by search and it
 * opens on its own, and the next launch comes back to the path.
 */
@ResourceLock(UiTests.JAVAFX)
class LearningJourneyWindowTest {

    private static final String MODULE = "#module-key-policies";
    private static final String LAB = "least-privilege-key-policy";
    private static final Pattern CHOOSE = Pattern.compile("Choose (\\d+) \\(");

    @TempDir
    Path data;

    private final AppDriver app = new AppDriver();

    @AfterEach
    void stop() throws Exception {
        app.stop();
    }

    private String text(String query) {
        return app.<Labeled>find(query).getText();
    }

    private void backToThePath() throws Exception {
        app.navigate("start", MODULE + "-status");
    }

    private String stepStyle(String step) {
        return app.<Button>find(MODULE + "-" + step).getStyleClass().contains("step-done") ? "done" : "todo";
    }

    @Test
    void startHere_read_watch_lab_quiz_moduleDone_thenSearchOpensAQuestion() throws Exception {
        app.startWhereTheAppOpens(data);
        assertThat(text("#section-title")).isEqualTo("Start here");
        assertThat(app.<ToggleButton>find("#path-track-MLS").getText()).isEqualTo("MLS-C01 · retired");
        assertThat(app.<ToggleButton>find("#path-track-MLS").isDisabled()).isTrue();
        app.clickOn("#path-track-SAA");
        app.waitFor(MODULE + "-lab");
        assertThat(text("#path-summary")).isEqualTo("0 of 6 modules done");
        assertThat(text(MODULE + "-status")).isEqualTo("0 of 4 steps");

        read();
        watch();
        doTheLab();
        quiz();

        backToThePath();
        assertThat(text(MODULE + "-status")).isEqualTo("Done");
        assertThat(app.<Node>find(MODULE).getStyleClass()).contains("done");
        assertThat(text("#path-summary")).isEqualTo("1 of 6 modules done");

        searchOpensTheQuestionItself();

        // The next launch reopens the section last used and keeps the exam and the ticks.
        app.navigate("start", MODULE);
        app.stop();
        app.startWhereTheAppOpens(data);
        assertThat(text("#section-title")).isEqualTo("Start here");
        app.waitFor(MODULE + "-status");
        assertThat(app.<ToggleButton>find("#path-track-SAA").isSelected()).isTrue();
        assertThat(text(MODULE + "-status")).isEqualTo("Done");
    }

    /** Read: the page opens in Study, titled in the header; scrolling to its end ticks the step. */
    private void read() throws Exception {
        app.clickOn(MODULE + "-read");
        app.waitFor("#study-page");
        assertThat(text("#section-title")).isEqualTo("Key policies, IAM policies and grants");
        // Scrolled down to the page's "Watch / Try / Test yourself" links and on to the end.
        ScrollPane page = app.find("#study-page-scroll");
        app.scrollIntoView("#study-links");
        app.interact(() -> page.setVvalue(page.getVmax()));
        backToThePath();
        assertThat(stepStyle("read")).isEqualTo("done");
        assertThat(text(MODULE + "-status")).isEqualTo("1 of 4 steps");
    }

    /** Watch: the flow plays in the Flows section; stepping through to its last step ticks it. */
    private void watch() throws Exception {
        app.clickOn(MODULE + "-watch");
        app.waitFor("#flow-steps .list-cell");
        FlowsView flows = app.find("#flows-view");
        app.interact(() -> flows.player().model().setStepMillis(0));
        assertThat(text("#section-title")).isEqualTo("Flows");
        Button next = app.find("#flow-next");
        for (int i = 0; i < 40 && !next.isDisabled(); i++) {
            app.clickOn(next);
        }
        assertThat(next.isDisabled()).isTrue();
        backToThePath();
        assertThat(stepStyle("watch")).isEqualTo("done");
        assertThat(text(MODULE + "-status")).isEqualTo("2 of 4 steps");
    }

    /** Try: the lab opens from the path; the learner edits its sandbox in the Key Lab and checks their work. */
    private void doTheLab() throws Exception {
        MainView main = app.find("#main-view");
        app.clickOn(MODULE + "-lab");
        assertThat(text("#section-title")).isEqualTo("Labs");
        Label status = app.find("#lab-status");
        app.until(() -> status.getText().startsWith("The sandbox is ready"));
        assertThat(text("#lab-title")).isEqualTo(main.labs().labProperty().get().title());
        assertThat(main.labs().labProperty().get().id()).isEqualTo(LAB);

        app.scrollIntoView("#lab-hint-1");
        app.clickOn("#lab-hint-1");
        app.until(() -> text("#lab-hints-used").startsWith("Hints used: 1 of"));

        app.scrollIntoView("#lab-open-keylab");
        app.clickOn("#lab-open-keylab");
        app.waitFor("#keys-view");
        KeyLabSession session = app.app().keyLab();
        app.until(() -> session.inSandbox() && app.find("#keylab-sandbox-banner").isVisible());
        assertThat(text("#keylab-sandbox-label")).startsWith("Lab sandbox: Least privilege");
        String account = session.engine().account();

        // First attempt: the application is fixed, but the administrators keep every action.
        writeAndSavePolicy(policy("\"kms:*\"", account));
        checkMyWork();
        assertThat(passed("app-no-delete")).isTrue();
        assertThat(passed("admin-no-decrypt")).isFalse();
        assertThat(text("#lab-check-reason-admin-no-decrypt"))
                .contains("role/KeyAdmin → kms:Decrypt is allowed but should be denied")
                .contains("key policy statement \"Key administrators\"");

        // The fix: only management actions for the administrators.
        app.clickOn("#nav-keylab");
        app.waitFor("#keylab-sandbox-banner");
        writeAndSavePolicy(policy("[\"kms:Create*\", \"kms:Describe*\", \"kms:Enable*\", \"kms:List*\", "
                + "\"kms:Put*\", \"kms:Update*\", \"kms:Revoke*\", \"kms:Disable*\", \"kms:Get*\", \"kms:Delete*\", "
                + "\"kms:TagResource\", \"kms:UntagResource\", \"kms:ScheduleKeyDeletion\", "
                + "\"kms:CancelKeyDeletion\"]", account));
        checkMyWork();
        assertThat(text("#lab-status")).isEqualTo("Every check passed — lab complete.");
        assertThat(new LabProgress(data, Clock.systemUTC()).passed(LAB)).isTrue();

        // Back in the learner's own Key Lab, the lab's key is not there.
        app.clickOn("#nav-keylab");
        app.clickOn("#keylab-sandbox-back");
        app.until(() -> !session.inSandbox());
        assertThat(session.engine().listAliases(CallerContext.root(session.engine().account()),
                ListAliasesRequest.all()).aliases()).noneMatch(a -> a.aliasName().equals("alias/orders"));

        backToThePath();
        assertThat(stepStyle("lab")).isEqualTo("done");
        assertThat(text(MODULE + "-status")).isEqualTo("3 of 4 steps");
    }

    private static String policy(String adminActions, String account) {
        return "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n"
                + "    {\"Sid\": \"Enable IAM User Permissions\", \"Effect\": \"Allow\", \"Principal\": {\"AWS\": "
                + "\"arn:aws:iam::" + account + ":root\"}, \"Action\": \"kms:*\", \"Resource\": \"*\"},\n"
                + "    {\"Sid\": \"Key administrators\", \"Effect\": \"Allow\", \"Principal\": {\"AWS\": "
                + "\"arn:aws:iam::" + account + ":role/KeyAdmin\"}, \"Action\": " + adminActions
                + ", \"Resource\": \"*\"},\n"
                + "    {\"Sid\": \"Orders application\", \"Effect\": \"Allow\", \"Principal\": {\"AWS\": "
                + "\"arn:aws:iam::" + account + ":role/OrdersApp\"}, \"Action\": [\"kms:Encrypt\", \"kms:Decrypt\", "
                + "\"kms:ReEncrypt*\", \"kms:GenerateDataKey*\", \"kms:DescribeKey\"], \"Resource\": \"*\"}\n"
                + "  ]\n}";
    }

    private void writeAndSavePolicy(String text) throws Exception {
        app.clickOn("#keylab-tab-policies");
        app.waitFor("#policies-view");
        org.fxmisc.richtext.CodeArea editor = app.find("#policy-editor");
        app.until(() -> editor.getText().contains("role/OrdersApp"));
        app.clickOn(editor);
        app.interact(() -> editor.replaceText(text));
        app.until(() -> text("#policy-validity").startsWith("Valid key policy"));
        app.clickOn("#policy-save");
        app.until(() -> text("#policy-status").startsWith("Saved with PutKeyPolicy"));
    }

    private void checkMyWork() throws Exception {
        app.clickOn("#nav-labs");
        app.waitFor("#lab-check");
        app.scrollIntoView("#lab-check");
        app.clickOn("#lab-check");
        app.until(() -> text("#lab-status").contains("checks passed") || text("#lab-status").startsWith("Every check"));
    }

    private boolean passed(String checkId) {
        return app.<Node>find("#lab-check-" + checkId).getStyleClass().contains("passed");
    }

    /** Test yourself: practice on the module's topic; three answers, right or wrong, tick the step. */
    private void quiz() throws Exception {
        app.clickOn(MODULE + "-quiz");
        app.waitFor("#practice-setup");
        assertThat(app.<javafx.scene.control.CheckBox>find("#practice-topic-key-policies").isSelected()).isTrue();
        app.clickOn("#practice-length-10");
        app.clickOn("#practice-start");
        app.waitFor("#practice-view");
        assertThat(text("#question-position")).isEqualTo("Question 1 of 10");
        for (int i = 0; i < 3; i++) {
            if (i > 0) {
                app.clickOn("#practice-next");
                WaitForAsyncUtils.waitForFxEvents();
            }
            answerByClicking();
            app.clickOn("#practice-submit");
            app.waitFor("#feedback");
            if (i == 0) {
                // The feedback links to this app's own page on the idea; the practice round waits meanwhile.
                // The page is the question's first topic with a concept page: which one depends on the question
                // drawn, so the link names it and the page opened must carry that name.
                String linked = app.<javafx.scene.control.Hyperlink>find("#feedback-concept").getText();
                assertThat(linked).startsWith("Concept: ");
                app.clickOn("#feedback-concept");
                app.waitFor("#study-page");
                assertThat(text("#section-title")).isEqualTo(linked.substring("Concept: ".length()));
                app.navigate("quiz", "#practice-view");
                assertThat(text("#question-position")).isEqualTo("Question 1 of 10");
            }
        }
        backToThePath();
        assertThat(stepStyle("quiz")).isEqualTo("done");
    }

    private void answerByClicking() {
        if (answeredWithoutOptions()) {
            return;
        }
        Matcher m = CHOOSE.matcher(text("#answer-instruction"));
        int n = m.find() ? Integer.parseInt(m.group(1)) : 1;
        for (int i = 1; i <= n; i++) {
            app.scrollIntoView("#option-" + i);
            app.clickOn("#option-" + i);
        }
    }

    /** Search for words of a question's stem: the hit opens that very question in practice, not its topic. */
    private void searchOpensTheQuestionItself() throws Exception {
        MainView main = app.find("#main-view");
        Question wanted = main.quiz().bankProperty().get().forTrack("SAA").stream()
                .filter(q -> q.topics().contains("s3")).findFirst().orElseThrow();
        // Its three longest words, as a learner remembering the question would type a few telling ones.
        String words = java.util.Arrays.stream(wanted.stem().split("[^A-Za-z0-9-]+")).distinct()
                .sorted(java.util.Comparator.comparingInt(String::length).reversed()).limit(3)
                .collect(java.util.stream.Collectors.joining(" "));
        app.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        app.waitFor("#search-field");
        app.write(words);
        ListView<ContentSearch.Hit> results = app.find("#search-results");
        app.until(() -> results.getItems().stream().anyMatch(h -> h.id().equals(wanted.id())));
        for (int i = 0; i < results.getItems().size()
                && !results.getSelectionModel().getSelectedItem().id().equals(wanted.id()); i++) {
            app.type(KeyCode.DOWN);
        }
        assertThat(results.getSelectionModel().getSelectedItem().kind()).isEqualTo(ContentSearch.Kind.QUESTION);
        app.type(KeyCode.ENTER);
        app.waitFor("#practice-view");
        assertThat(text("#section-title")).isEqualTo("Quiz");
        assertThat(text("#question-position")).isEqualTo("Question 1 of 1");
        assertThat(text("#question-stem")).isEqualTo(wanted.stem());
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
