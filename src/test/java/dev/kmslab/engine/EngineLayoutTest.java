package dev.kmslab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine's root holds only its public face (at most 15 files), and every engine package says what it is for in
 * a package-info.java. The dependency rules are in {@code dev.kmslab.ArchitectureTest}.
 */
class EngineLayoutTest {

    private static final Path ENGINE = Path.of("src/main/java/dev/kmslab/engine");

    @Test
    void root_holdsAtMostFifteenFiles() throws IOException {
        try (Stream<Path> files = Files.list(ENGINE)) {
            List<String> names = files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .sorted().collect(Collectors.toList());
            assertThat(names).contains("KmsEngine.java", "package-info.java").hasSizeLessThanOrEqualTo(15);
        }
    }

    @Test
    void everyPackage_hasAPackageInfo() throws IOException {
        try (Stream<Path> dirs = Files.walk(ENGINE)) {
            List<String> missing = dirs.filter(Files::isDirectory)
                    .filter(dir -> hasJava(dir) && !Files.exists(dir.resolve("package-info.java")))
                    .map(Path::toString).sorted().collect(Collectors.toList());
            assertThat(missing).isEmpty();
        }
    }

    private static boolean hasJava(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(p -> p.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
