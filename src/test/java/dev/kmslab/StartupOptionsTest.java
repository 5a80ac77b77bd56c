package dev.kmslab;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(options.unknown()).containsExactly("--what");
    }
}
