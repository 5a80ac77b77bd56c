package dev.kmslab.ui.path;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.study.labs.CheckResult;
import dev.kmslab.study.labs.LabCatalogue;
import dev.kmslab.study.labs.LabLoader;
import dev.kmslab.study.labs.LabProgress;
import dev.kmslab.study.labs.LabSandbox;
import dev.kmslab.study.quiz.TrackCatalog;
import dev.kmslab.ui.AppDriver;
import dev.kmslab.ui.shell.MainView;
import java.nio.file.Path;
import java.time.Clock;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The learning path on screen: a first launch opens "Start here", the exam is chosen by clicking, a lab opened from
 * the path and passed in its sandbox ticks the module's lab step.
 *
 * <p>The Labs section (another branch) is not in this build, so the lab is passed through the real sandbox and lab
 * progress store and handed to the shell with {@link MainView#setLabs}, which is how the Labs section reports it.
 */
class StartHereWindowTest {

    private static final String LAB = "least-privilege-key-policy";

    @TempDir
    Path data;

    private final AppDriver app = new AppDriver();

    @AfterEach
    void stop() throws Exception {
        app.stop();
    }

    private String title() {
        return app.<Label>find("#section-title").getText();
    }

    @Test
    void firstLaunchOpensStartHere_choosingAnExamShowsItsPath_andAPassedLabTicksItsStep() throws Exception {
        app.startWhereTheAppOpens(data);
        assertThat(title()).isEqualTo("Start here");
        assertThat(app.<ToggleButton>find("#path-track-MLS").getText()).isEqualTo("MLS-C01 · retired");
        assertThat(app.<ToggleButton>find("#path-track-MLS").isDisabled()).isTrue();
        app.clickOn("#path-track-SCS");
        app.waitFor("#module-key-policies");
        assertThat(app.<Label>find("#path-summary").getText()).isEqualTo("0 of 8 modules done");

        // The path reads the Labs section's own catalogue; its lab step opens that lab in the Labs section.
        LabCatalogue labs = new LabLoader(TrackCatalog.fromClasspath()).loadBuiltIn().catalogue();
        MainView main = app.find("#main-view");
        app.waitFor("#module-key-policies-lab");
        Button labStep = app.find("#module-key-policies-lab");
        assertThat(labStep.getText()).isEqualTo("Try: " + labs.lab(LAB).orElseThrow().title());
        assertThat(labStep.getStyleClass()).contains("step-todo");
        app.clickOn("#module-key-policies-lab");
        assertThat(title()).isEqualTo("Labs");
        app.until(() -> main.labs().labProperty().get() != null && main.labs().sandbox().isPresent());
        assertThat(main.labs().labProperty().get().id()).isEqualTo(LAB);

        // Pass the lab in its real sandbox and press "Check my work" through the Labs section's model.
        app.interact(() -> main.labs().sandbox().orElseThrow().runSolution());
        app.interact(() -> main.labs().checkMyWork());
        app.until(() -> main.labs().progress().passed(LAB));
        // Back on the path, the lab step is ticked.
        app.navigate("overview", "#concept-cards");
        app.navigate("start", "#module-key-policies-lab");
        assertThat(app.<Button>find("#module-key-policies-lab").getStyleClass()).contains("step-done");
        assertThat(app.<Label>find("#module-key-policies-status").getText()).isEqualTo("1 of 4 steps");

        // Reading the page from the path: the Read step opens it in Study with its title in the header.
        app.clickOn("#module-key-policies-read");
        app.waitFor("#study-page");
        assertThat(title()).isEqualTo("Key policies, IAM policies and grants");
        app.scrollIntoView("#study-links");
        app.interact(() -> app.<javafx.scene.control.ScrollPane>find("#study-page-scroll").setVvalue(1.0));
        app.navigate("start", "#module-key-policies-read");
        assertThat(app.<Button>find("#module-key-policies-read").getStyleClass()).contains("step-done");
        assertThat(app.<Label>find("#module-key-policies-status").getText()).isEqualTo("2 of 4 steps");

        // The next launch reopens the section last used (here "Start here"); the choice stays.
        app.stop();
        app.startWhereTheAppOpens(data);
        assertThat(title()).isEqualTo("Start here");
        app.navigate("start", "#module-key-policies");
        assertThat(app.<ToggleButton>find("#path-track-SCS").isSelected()).isTrue();
    }
}
