package dev.kmslab.study.checklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.study.content.Checklist;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecklistProgressTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

    private final Checklist saa = new Checklist("SAA", "SAA-C03 · KMS checklist", "", List.of(
            new Checklist.Group("Design Secure Architectures", List.of(
                    new Checklist.Item("saa-1", "Pick a key type", "Customer managed for control", "key-types"),
                    new Checklist.Item("saa-2", "Rotate keys", "Automatic rotation", "key-rotation")))));
    private final Checklist dva = new Checklist("DVA", "DVA-C03 · KMS checklist", "", List.of(
            new Checklist.Group("Security", List.of(new Checklist.Item("dva-1", "Envelope", "Data keys", null)))));

    @TempDir
    Path dir;

    @Test
    void ticksPersistAcrossRestarts() throws IOException {
        ChecklistProgress progress = new ChecklistProgress(dir, CLOCK);
        progress.setTicked("saa-1", true);
        ChecklistProgress reopened = new ChecklistProgress(dir, CLOCK);
        assertThat(reopened.isTicked("saa-1")).isTrue();
        assertThat(reopened.tickedCount(saa)).isEqualTo(1);
        assertThat(reopened.fraction(saa)).isEqualTo(0.5);
        assertThat(reopened.overallFraction(List.of(saa, dva))).isEqualTo(1.0 / 3);
    }

    @Test
    void resetClearsOnlyThatTrack() throws IOException {
        ChecklistProgress progress = new ChecklistProgress(dir, CLOCK);
        progress.setTicked("saa-1", true);
        progress.setTicked("dva-1", true);
        progress.reset(saa);
        ChecklistProgress reopened = new ChecklistProgress(dir, CLOCK);
        assertThat(reopened.isTicked("saa-1")).isFalse();
        assertThat(reopened.isTicked("dva-1")).isTrue();
    }

    @Test
    void exportsMarkdownTaskListWithTicks() throws IOException {
        ChecklistProgress progress = new ChecklistProgress(dir, CLOCK);
        progress.setTicked("saa-2", true);
        assertThat(progress.exportMarkdown(saa)).isEqualTo("""
                # SAA-C03 · KMS checklist

                Progress: 1 of 2 items (50%)

                ## Design Secure Architectures

                - [ ] Pick a key type \s
                  Customer managed for control
                - [x] Rotate keys \s
                  Automatic rotation

                """);
    }

    @Test
    void corruptFile_isKeptAsideAndReportedOnce() throws IOException {
        Files.writeString(dir.resolve(ChecklistProgress.FILE_NAME), "{\"ticked\": [\"saa-1\"");
        ChecklistProgress progress = new ChecklistProgress(dir, CLOCK);
        assertThat(progress.loadNotice()).hasValueSatisfying(n -> assertThat(n).contains("checklist-progress.json.corrupt-"));
        assertThat(progress.isTicked("saa-1")).isFalse();
        assertThat(dir.resolve("checklist-progress.json.corrupt-20261128T120000Z")).exists();
        progress.setTicked("saa-2", true);
        assertThat(new ChecklistProgress(dir, CLOCK).loadNotice()).isEmpty();
    }

    @Test
    void failedSave_undoesTheTick() throws IOException {
        Path blocked = dir.resolve("not-a-dir");
        Files.writeString(blocked, "a file where the data directory should be");
        ChecklistProgress progress = new ChecklistProgress(blocked, CLOCK);
        assertThatThrownBy(() -> progress.setTicked("saa-1", true)).isInstanceOf(IOException.class);
        assertThat(progress.isTicked("saa-1")).isFalse();
    }
}
