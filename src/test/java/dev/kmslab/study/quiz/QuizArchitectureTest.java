package dev.kmslab.study.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The quiz logic is pure Java: the UI depends on it, never the other way round. */
class QuizArchitectureTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/kmslab/study/quiz");

    @Test
    void quizSources_importNeitherJavaFxNorTheUi() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(SOURCES)) {
            files = s.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList());
        }
        assertThat(files).hasSizeGreaterThan(30);
        List<String> offenders = files.stream().filter(QuizArchitectureTest::importsForbidden)
                .map(Path::toString).collect(Collectors.toList());
        assertThat(offenders).isEmpty();
    }

    private static boolean importsForbidden(Path file) {
        try {
            return Files.readAllLines(file).stream().anyMatch(l -> l.startsWith("import javafx.")
                    || l.startsWith("import dev.kmslab.ui.") || l.startsWith("import static javafx."));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
