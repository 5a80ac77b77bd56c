package dev.kmslab.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.io.JsonFileStore;
import dev.kmslab.ui.UiTests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

@ResourceLock(UiTests.JAVAFX)
class ShellViewModelTest {

    @TempDir
    Path dir;

    private ShellViewModel open() {
        return new ShellViewModel(new JsonFileStore<>(dir.resolve("settings.json"), AppSettings.class,
                AppSettings::defaults, Clock.systemUTC()));
    }

    @Test
    void themeZoomAndWindowAreRememberedBetweenRuns() {
        ShellViewModel first = open();
        first.darkProperty().set(true);
        first.zoomIn();
        first.zoomIn();
        first.rememberWindow(new AppSettings.WindowBounds(10, 20, 1400, 900, false));
        ShellViewModel second = open();
        assertThat(second.darkProperty().get()).isTrue();
        assertThat(second.zoomProperty().get()).isEqualTo(1.2);
        assertThat(second.settings().window()).isEqualTo(new AppSettings.WindowBounds(10, 20, 1400, 900, false));
        assertThat(second.notices()).isEmpty();
    }

    @Test
    void zoomStaysWithinBoundsAndResets() {
        ShellViewModel model = open();
        for (int i = 0; i < 40; i++) {
            model.zoomIn();
        }
        assertThat(model.zoomProperty().get()).isEqualTo(AppSettings.MAX_ZOOM);
        for (int i = 0; i < 40; i++) {
            model.zoomOut();
        }
        assertThat(model.zoomProperty().get()).isEqualTo(AppSettings.MIN_ZOOM);
        model.resetZoom();
        assertThat(model.zoomProperty().get()).isEqualTo(1.0);
    }

    @Test
    void outOfRangeValuesInTheFileAreClamped() throws Exception {
        Files.writeString(dir.resolve("settings.json"), "{\"theme\": \"neon\", \"zoom\": 40}");
        ShellViewModel model = open();
        assertThat(model.darkProperty().get()).isFalse();
        assertThat(model.zoomProperty().get()).isEqualTo(AppSettings.MAX_ZOOM);
        assertThat(model.settings().window().known()).isFalse();
    }

    @Test
    void failedSaveBecomesANotice() throws Exception {
        Path blocked = dir.resolve("blocked");
        Files.writeString(blocked, "not a directory");
        ShellViewModel model = new ShellViewModel(new JsonFileStore<>(blocked.resolve("settings.json"),
                AppSettings.class, AppSettings::defaults, Clock.systemUTC()));
        model.darkProperty().set(true);
        assertThat(model.notices()).anyMatch(n -> n.startsWith("Settings could not be saved to "));
    }

    @Test
    void theSectionLastShown_isReopenedInTheNextRun() {
        ShellViewModel first = open();
        first.showSection("quiz");
        ShellViewModel second = open();
        assertThat(second.sectionToReopen(java.util.Set.of("overview", "quiz"), "overview")).isEqualTo("quiz");
        assertThat(second.selectedSectionProperty().get()).isNull();
    }

    @Test
    void aSectionThatNoLongerExists_orAnOldFileWithoutOne_opensTheDefault() throws Exception {
        ShellViewModel first = open();
        first.showSection("retired");
        assertThat(open().sectionToReopen(java.util.Set.of("overview", "quiz"), "overview")).isEqualTo("overview");
        Files.writeString(dir.resolve("settings.json"), "{\"theme\": \"dark\", \"zoom\": 1.1}");
        ShellViewModel old = open();
        assertThat(old.sectionToReopen(java.util.Set.of("overview", "quiz"), "overview")).isEqualTo("overview");
        assertThat(old.darkProperty().get()).isTrue();
        assertThat(old.notices()).isEmpty();
    }
}
