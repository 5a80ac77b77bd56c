package dev.kmslab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Dependencies point one way: ui → flow/study/server → engine → io. The pure parts never see JavaFX or the UI. */
class ArchitectureTest {

    private static final Path MAIN = Path.of("src/main/java/dev/kmslab");
    private static final Pattern JAVAFX = Pattern.compile("^import\\s+(static\\s+)?javafx\\.", Pattern.MULTILINE);

    @Test
    void purePackagesNeverImportJavaFx() throws IOException {
        assertThat(offenders(List.of("engine", "flow", "study", "server", "io"), JAVAFX)).isEmpty();
    }

    @Test
    void purePackagesNeverImportTheUi() throws IOException {
        Pattern ui = Pattern.compile("^import\\s+(static\\s+)?dev\\.kmslab\\.ui\\.", Pattern.MULTILINE);
        assertThat(offenders(List.of("engine", "flow", "study", "server", "io"), ui)).isEmpty();
    }

    @Test
    void engineNeverImportsTheLayersAboveIt() throws IOException {
        Pattern above = Pattern.compile("^import\\s+(static\\s+)?dev\\.kmslab\\.(flow|study|server|ui)\\.",
                Pattern.MULTILINE);
        assertThat(offenders(List.of("engine", "io"), above)).isEmpty();
    }

    @Test
    void theScanSeesSourceFiles() throws IOException {
        // Guards the other tests against passing vacuously when run from an unexpected directory.
        try (Stream<Path> files = Files.walk(MAIN.resolve("study"))) {
            assertThat(files.filter(p -> p.toString().endsWith(".java")).count()).isGreaterThan(5);
        }
    }

    private static List<String> offenders(List<String> packages, Pattern forbidden) throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> packages.contains(MAIN.relativize(p).getName(0).toString()))
                    .filter(p -> {
                        try {
                            return forbidden.matcher(Files.readString(p)).find();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .map(Path::toString).collect(Collectors.toList());
        }
    }
}
