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
class KeyLabStartupTest {

    @TempDir
    Path data;

    private final AppDriver app = new AppDriver();

    @AfterEach
    void stop() throws Exception {
        app.stop();
    }

    @Test
    void aDamagedKeystore_isReportedOnce_movedAside_andTheLabStillWorks() throws Exception {
        Files.writeString(data.resolve("keystore.json"), "{ \"format\": ");
        app.start(data);
        app.until(() -> app.app().keyLab().engine() != null);
        assertThat(app.lookup("#notices .label").queryAllAs(Label.class)).extracting(Label::getText)
                .anyMatch(t -> t.startsWith("The Key Lab keystore was damaged and has been moved aside to "
                        + "keystore.json.corrupt-"));
        try (var files = Files.list(data)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.startsWith("keystore.json.corrupt-"));
        }
        app.navigate("keylab", "#keys-view");
        assertThat(app.lookup("#keys-table").tryQuery()).isPresent();
    }
}
