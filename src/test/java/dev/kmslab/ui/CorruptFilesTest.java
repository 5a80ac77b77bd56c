package dev.kmslab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

@ResourceLock(UiTests.JAVAFX)
class CorruptFilesTest {

    @TempDir
    Path data;

    private final AppDriver app = new AppDriver();

    @AfterEach
    void stop() throws Exception {
        app.stop();
    }

    @Test
    void damagedSettingsAndProgress_startWithDefaults_keepTheFiles_andSaySoOnce() throws Exception {
        Files.writeString(data.resolve("settings.json"), "{\"theme\": ");
        Files.writeString(data.resolve("checklist-progress.json"), "[broken");
        app.start(data);
        assertThat(app.lookup("#notices .label").queryAllAs(Label.class)).extracting(Label::getText)
                .anyMatch(t -> t.startsWith("settings.json was damaged"))
                .anyMatch(t -> t.startsWith("checklist-progress.json was damaged"));
        try (var files = Files.list(data)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.startsWith("settings.json.corrupt-"))
                    .anyMatch(n -> n.startsWith("checklist-progress.json.corrupt-"));
        }
        app.stop();
        app.start(data);
        assertThat(app.lookup("#notices .label").tryQuery()).isEmpty();
    }
}
