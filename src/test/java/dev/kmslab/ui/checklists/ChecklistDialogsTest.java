package dev.kmslab.ui.checklists;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.study.checklist.ChecklistProgress;
import dev.kmslab.study.content.ContentLoader;
import dev.kmslab.study.content.StudyContent;
import dev.kmslab.ui.UiTests;
import dev.kmslab.ui.common.DialogService;
import dev.kmslab.ui.common.ScriptedDialogs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/** Reset and export ask the DialogService; the answers decide what happens to the ticks and the file. */
@ResourceLock(UiTests.JAVAFX)
class ChecklistDialogsTest {

    private static final StudyContent CONTENT = ContentLoader.loadFromClasspath();

    @TempDir
    Path dir;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    private ChecklistViewModel model() {
        ChecklistViewModel model = new ChecklistViewModel(new ChecklistProgress(dir,
                Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC)), dialogs);
        model.setContent(CONTENT);
        model.showTrack("SAA");
        return model;
    }

    private static String firstItem(ChecklistViewModel model) {
        return model.checklist().orElseThrow().items().findFirst().orElseThrow().id();
    }

    @Test
    void reset_confirmed_unticksTheTrack_andCountsAReset() {
        ChecklistViewModel model = model();
        model.setTicked(firstItem(model), true);
        assertThat(model.tickedProperty().get()).isEqualTo(1);
        dialogs.willConfirm();
        model.askReset();
        assertThat(model.tickedProperty().get()).isZero();
        assertThat(model.resetsProperty().get()).isEqualTo(1);
        assertThat(dialogs.asked()).extracting(DialogService.Confirmation::title)
                .containsExactly("Reset the SAA checklist");
    }

    @Test
    void reset_cancelled_keepsTheTicks() {
        ChecklistViewModel model = model();
        model.setTicked(firstItem(model), true);
        dialogs.willCancel();
        model.askReset();
        assertThat(model.tickedProperty().get()).isEqualTo(1);
        assertThat(model.resetsProperty().get()).isZero();
    }

    @Test
    void export_fileChosen_writesTheMarkdownThere() throws Exception {
        ChecklistViewModel model = model();
        Path file = dir.resolve("out.md");
        dialogs.willChoose(file);
        model.export();
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(model.exportMarkdown()).isNotEmpty();
        assertThat(dialogs.fileRequests()).singleElement().satisfies(r -> {
            assertThat(r.initialName()).isEqualTo("kms-lab-saa-checklist.md");
            assertThat(r.types()).containsExactly(new DialogService.FileType("Markdown", "*.md"));
        });
        assertThat(model.errorProperty().get()).isNull();
    }

    @Test
    void export_cancelled_writesNothing() throws Exception {
        ChecklistViewModel model = model();
        dialogs.willCancelFileChoice();
        model.export();
        try (var files = Files.list(dir)) {
            assertThat(files.filter(p -> p.toString().endsWith(".md"))).isEmpty();
        }
    }

    @Test
    void export_underAPathThatIsAFile_showsTheError() throws Exception {
        ChecklistViewModel model = model();
        Path notAFolder = Files.writeString(dir.resolve("plain.txt"), "x");
        Path file = notAFolder.resolve("out.md");
        dialogs.willChoose(file);
        model.export();
        assertThat(model.errorProperty().get()).startsWith("Could not write " + file);
    }
}
