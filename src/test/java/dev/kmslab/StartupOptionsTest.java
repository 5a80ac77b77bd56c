package dev.kmslab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class StartupOptionsTest {

    @Test
    void parsesDataDirInBothForms() {
        assertThat(StartupOptions.parse(List.of("--data-dir", "/x")).dataDir()).contains("/x");
        assertThat(StartupOptions.parse(List.of("--data-dir=/y")).dataDir()).contains("/y");
    }

    @Test
    void parsesProbeAndKeepsUnknownArguments() {
        StartupOptions options = StartupOptions.parse(List.of("--startup-probe", "--what"));
        assertThat(options.startupProbe()).isTrue();
        assertThat(options.dataDir()).isEmpty();
        assertThat(options.openFile()).isEmpty();
        assertThat(options.unknown()).containsExactly("--what");
    }

    @Test
    void everyArgumentThatIsNotAnOption_isAFileToOpen_inOrder_beforeOrAfterTheOptions() {
        StartupOptions after = StartupOptions.parse(List.of("--data-dir", "/d", "packs/kms.kmslab-pack"));
        assertThat(after.openFile()).contains(Path.of("packs/kms.kmslab-pack"));
        assertThat(after.dataDir()).contains("/d");
        StartupOptions before = StartupOptions.parse(List.of("/home/me/rotation.kmslab-lab", "--data-dir=/d", "--x"));
        assertThat(before.openFile()).contains(Path.of("/home/me/rotation.kmslab-lab"));
        assertThat(before.dataDir()).contains("/d");
        assertThat(before.unknown()).containsExactly("--x");
        // A file manager's %F: several files selected and opened together, all of them, in order.
        StartupOptions several = StartupOptions.parse(List.of("a.kmslab-pack", "--data-dir", "/d",
                "file:///tmp/b%20c.kmslab-lab", "d.json"));
        assertThat(several.openFiles()).containsExactly(Path.of("a.kmslab-pack"), Path.of("/tmp/b c.kmslab-lab"),
                Path.of("d.json"));
        assertThat(several.openFile()).contains(Path.of("a.kmslab-pack"));
        assertThat(several.unknown()).isEmpty();
        // The data directory's value is never taken for a file.
        assertThat(StartupOptions.parse(List.of("--data-dir", "/d")).openFile()).isEmpty();
    }

    @Test
    void aFileUriFromAFileManager_becomesItsPath() {
        StartupOptions options = StartupOptions.parse(List.of("file:///tmp/my%20pack.kmslab-pack"));
        assertThat(options.openFile()).contains(Path.of("/tmp/my pack.kmslab-pack"));
    }
}
