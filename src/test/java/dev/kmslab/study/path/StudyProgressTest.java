package dev.kmslab.study.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyProgressTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path data;

    @Test
    void firstLaunchUntilSomethingIsSaved_thenEverythingSurvivesARestart() throws IOException {
        StudyProgress progress = new StudyProgress(data, CLOCK);
        assertThat(progress.firstLaunch()).isTrue();
        assertThat(progress.track()).isEmpty();
        progress.chooseTrack("SCS");
        assertThat(progress.markPageRead("key-policies")).isTrue();
        assertThat(progress.markPageRead("key-policies")).isFalse();
        assertThat(progress.markFlowFinished("access-denied")).isTrue();

        StudyProgress again = new StudyProgress(data, CLOCK);
        assertThat(again.firstLaunch()).isFalse();
        assertThat(again.loadNotice()).isEmpty();
        assertThat(again.track()).contains("SCS");
        assertThat(again.pageRead("key-policies")).isTrue();
        assertThat(again.pageRead("aliases")).isFalse();
        assertThat(again.flowFinished("access-denied")).isTrue();
        assertThat(again.snapshot().pagesRead()).containsEntry("key-policies", "2026-12-01T10:00:00Z");
    }

    @Test
    void aDamagedFileIsKeptAsideNeverOverwritten_andProgressStartsEmptyWithANotice() throws IOException {
        Path file = data.resolve(StudyProgress.FILE_NAME);
        Files.writeString(file, "{\"version\": 1, \"pagesRead\": {\"key-policies\": ");
        StudyProgress progress = new StudyProgress(data, CLOCK);
        assertThat(progress.loadNotice()).hasValueSatisfying(n -> assertThat(n)
                .startsWith("study-progress.json was damaged (").contains("It was kept as study-progress.json.corrupt-"));
        assertThat(progress.pageRead("key-policies")).isFalse();
        progress.markPageRead("aliases");
        List<Path> aside;
        try (Stream<Path> files = Files.list(data)) {
            aside = files.filter(p -> p.getFileName().toString().startsWith("study-progress.json.corrupt-"))
                    .collect(Collectors.toList());
        }
        assertThat(aside).singleElement().satisfies(p -> assertThat(Files.readString(p))
                .isEqualTo("{\"version\": 1, \"pagesRead\": {\"key-policies\": "));
        assertThat(new StudyProgress(data, CLOCK).pageRead("aliases")).isTrue();
    }

    @Test
    void aFileThatCannotBeReadIsLeftAlone_andNothingIsWrittenOverIt() throws IOException {
        // A directory where the file should be cannot be read as a file; it must survive untouched.
        Files.createDirectory(data.resolve(StudyProgress.FILE_NAME));
        StudyProgress progress = new StudyProgress(data, CLOCK);
        assertThat(progress.loadNotice()).isPresent();
        assertThatThrownBy(() -> progress.markPageRead("aliases")).isInstanceOf(IOException.class)
                .hasMessageContaining("is not written over");
        assertThat(progress.pageRead("aliases")).isFalse();
        assertThat(Files.isDirectory(data.resolve(StudyProgress.FILE_NAME))).isTrue();
    }
}
