package dev.kmslab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.study.content.ContentLoader;
import dev.kmslab.study.content.ContentSearch;
import dev.kmslab.study.content.StudyContent;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.testfx.util.WaitForAsyncUtils;

@ResourceLock(UiTests.JAVAFX)
class MainWindowTest {

    private static final StudyContent CONTENT = ContentLoader.loadFromClasspath();

    @TempDir
    Path data;

    private final AppDriver app = new AppDriver();

    @BeforeEach
    void start() throws Exception {
        app.start(data);
    }

    @AfterEach
    void stop() throws Exception {
        app.stop();
    }

    private String title() {
        return app.<Label>find("#section-title").getText();
    }

    @Test
    void visitsEverySectionFromTheSidebarAndTheKeyboard() throws Exception {
        assertThat(title()).isEqualTo("Overview");
        // The window uses the stylesheet compiled at build time (binary CSS loads faster than parsing the text).
        assertThat(app.find("#main-view").getScene().getStylesheets())
                .containsExactly(dev.kmslab.ui.common.Stylesheets.url("kmslab"))
                .allMatch(url -> url.endsWith("/assets/css/kmslab.bss"));
        // The window icons are decoded once the first frame is on screen.
        javafx.stage.Stage stage = (javafx.stage.Stage) app.find("#main-view").getScene().getWindow();
        AppDriver.until(10, () -> stage.getIcons().size() == 5);
        assertThat(stage.getIcons()).allMatch(icon -> !icon.isError() && icon.getWidth() > 0);
        assertThat(app.lookup("#exam-badges .label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("SAA-C03", "SAP-C03", "DVA-C03", "MLA-C02", "AIP-C01", "SCS-C03", "MLS-C01 · retired");
        app.navigate("services", "#service-map");
        assertThat(title()).isEqualTo("Service map");
        assertThat(app.lookup("#service-s3").tryQuery()).isPresent();
        app.navigate("checklists", "#track-count");
        assertThat(title()).isEqualTo("Checklists");
        assertThat(app.lookup("#checklist-title").queryAs(Label.class).getText()).isEqualTo(
                CONTENT.checklist("SAA").orElseThrow().title());
        app.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(title()).isEqualTo("Start here");
        app.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(title()).isEqualTo("Overview");
        app.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(title()).isEqualTo("Service map");
    }

    @Test
    void conceptCardOpensItsPageInStudy_theHeaderNamesThePage_andItsLinksWork() throws Exception {
        app.scrollIntoView("#concept-card-envelope-encryption");
        app.clickOn("#concept-card-envelope-encryption");
        app.waitFor("#study-page");
        assertThat(title()).isEqualTo("Envelope encryption and data keys");
        assertThat(app.lookup("#study-page .md-h1 .md-text").queryAllAs(javafx.scene.text.Text.class))
                .extracting(javafx.scene.text.Text::getText).anyMatch(t -> t.contains("nvelope"));
        assertThat(app.lookup("#nav-study").queryAs(javafx.scene.control.ToggleButton.class).isSelected()).isTrue();
        app.scrollIntoView("#study-next");
        app.clickOn("#study-next");
        assertThat(title()).isEqualTo("Encryption context");
        // Watch: the page's flow opens in the Flows player.
        app.scrollIntoView("#watch-context-mismatch");
        app.clickOn("#watch-context-mismatch");
        app.waitFor("#flow-player");
        assertThat(title()).isEqualTo("Flows");
        // The Study list opens any page; the header follows.
        app.navigate("study", "#study-list");
        app.clickOn("#study-item-key-policies");
        assertThat(title()).isEqualTo("Key policies, IAM policies and grants");
        // Test yourself: practice set up on the page's topics (once the question bank has loaded).
        app.navigate("quiz", "#quiz-home");
        app.waitFor("#practice-SAA");
        app.navigate("study", "#study-list");
        app.scrollIntoView("#test-yourself");
        app.clickOn("#test-yourself");
        app.waitFor("#practice-setup");
        assertThat(title()).isEqualTo("Quiz");
        assertThat(app.lookup("#practice-topic-key-policies").queryAs(CheckBox.class).isSelected()).isTrue();
        assertThat(app.lookup("#practice-topic-grants").queryAs(CheckBox.class).isSelected()).isTrue();
        assertThat(app.lookup("#practice-topic-rotation").queryAs(CheckBox.class).isSelected()).isFalse();
    }

    @Test
    void darkThemeIsAppliedAndRemembered() throws Exception {
        app.clickOn("#theme-label");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Application.getUserAgentStylesheet()).containsIgnoringCase("dark");
        assertThat(Files.readString(data.resolve("settings.json"))).contains("\"theme\" : \"dark\"");
        app.stop();
        app.start(data);
        assertThat(Application.getUserAgentStylesheet()).containsIgnoringCase("dark");
        app.clickOn("#theme-switch");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Application.getUserAgentStylesheet()).containsIgnoringCase("light");
    }

    @Test
    void tickingAChecklistItemUpdatesProgressAndSurvivesARestart() throws Exception {
        String first = CONTENT.checklist("SAA").orElseThrow().items().findFirst().orElseThrow().id();
        int total = CONTENT.checklist("SAA").orElseThrow().size();
        app.navigate("checklists", "#track-count");
        assertThat(app.<Label>find("#track-count").getText()).isEqualTo("0 of " + total + " done");
        app.clickOn("#check-" + first);
        assertThat(app.<Label>find("#track-count").getText()).isEqualTo("1 of " + total + " done");
        assertThat(app.<javafx.scene.control.ProgressBar>find("#track-progress").getProgress())
                .isEqualTo(1.0 / total);
        app.stop();
        app.start(data);
        app.navigate("checklists", "#track-count");
        assertThat(app.<CheckBox>find("#check-" + first).isSelected()).isTrue();
        assertThat(app.<Label>find("#track-count").getText()).isEqualTo("1 of " + total + " done");
        app.clickOn("#track-DVA");
        assertThat(app.<Label>find("#checklist-title").getText()).startsWith("DVA-C03")
                .isEqualTo(CONTENT.checklist("DVA").orElseThrow().title());
    }

    @Test
    void clickingAServiceOpensItsPanel() throws Exception {
        app.navigate("services", "#service-map");
        app.clickOn("#service-ebs");
        assertThat(app.<Label>find("#service-panel-title").getText()).isEqualTo("Amazon EBS");
        assertThat(app.lookup("#service-panel .api-chip").queryAllAs(Label.class)).extracting(Label::getText)
                .containsAll(CONTENT.service("ebs").orElseThrow().apiCalls());
        app.clickOn("#service-panel-close");
        assertThat(app.lookup("#service-panel-title").tryQuery()).isEmpty();
    }

    @Test
    void searchJumpsToTheHit() throws Exception {
        app.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        app.waitFor("#search-field");
        app.write("bucket keys");
        WaitForAsyncUtils.waitForFxEvents();
        ListView<ContentSearch.Hit> results = app.find("#search-results");
        assertThat(results.getItems()).isNotEmpty();
        ContentSearch.Hit top = results.getItems().get(0);
        app.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.lookup("#search-overlay").tryQuery()).isEmpty();
        switch (top.kind()) {
            case SERVICE -> assertThat(app.<Label>find("#service-panel-title").getText()).isEqualTo(top.title());
            case CONCEPT -> assertThat(app.lookup("#back-button").tryQuery()).isPresent();
            case CHECKLIST_ITEM -> assertThat(app.lookup("#check-" + top.id()).tryQuery()).isPresent();
        }
    }

    @Test
    void zoomShortcutsScaleTheUi() {
        app.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.<Label>find("#zoom-label").getText()).isEqualTo("Zoom 110%");
        assertThat(app.lookup("#main-view").query().getStyle()).contains("15.4px");
        app.press(KeyCode.CONTROL, KeyCode.DIGIT0).release(KeyCode.DIGIT0, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.<Label>find("#zoom-label").getText()).isEqualTo("Zoom 100%");
    }
}
