package dev.kmslab.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DataDirectoryTest {

    private final Path home = Path.of("/home/learner");

    @Test
    void defaultsToDotKmslabInHome() {
        assertThat(DataDirectory.resolve(Optional.empty(), Map.of(), home).root())
                .isEqualTo(Path.of("/home/learner/.kmslab"));
    }

    @Test
    void environmentVariableOverridesDefault() {
        assertThat(DataDirectory.resolve(Optional.empty(), Map.of("KMSLAB_HOME", "/data/kms"), home).root())
                .isEqualTo(Path.of("/data/kms"));
    }

    @Test
    void commandLineOverridesEnvironment() {
        assertThat(DataDirectory.resolve(Optional.of("/tmp/lab"), Map.of("KMSLAB_HOME", "/data/kms"), home).root())
                .isEqualTo(Path.of("/tmp/lab"));
    }
}
