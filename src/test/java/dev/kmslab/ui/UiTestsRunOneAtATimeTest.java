package dev.kmslab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Test classes run two at a time (junit-platform.properties); UI tests share one JavaFX toolkit, its windows and the
 * robot's mouse and keyboard, so each class of them holds {@link UiTests#JAVAFX} (or runs {@code @Isolated}, alone).
 * This finds every source under {@code src/test/java} that declares tests and touches JavaFX, TestFX or the app's
 * UI, and checks that it says so: a new UI test class without the lock would run beside another one.
 */
@ResourceLock(UiTests.JAVAFX)
class UiTestsRunOneAtATimeTest {

    private static final Path TEST_SOURCES = Path.of("src/test/java");
    private static final Pattern TEST_METHOD = Pattern.compile(
            "^\\s*@(org\\.junit\\.jupiter\\.(api|params)\\.)?(Test|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate)\\b",
            Pattern.MULTILINE);
    private static final Pattern UI = Pattern.compile("^import (static )?(javafx|org\\.testfx)\\.|\\bAppDriver\\b",
            Pattern.MULTILINE);
    private static final Pattern SERIAL = Pattern.compile(
            "^@(ResourceLock\\(UiTests\\.JAVAFX\\)|Isolated)\\s*$", Pattern.MULTILINE);

    @Test
    void everyTestClassUnderUiOrTouchingJavaFx_holdsTheJavaFxLock() throws IOException {
        List<String> unlocked;
        try (Stream<Path> files = Files.walk(TEST_SOURCES)) {
            unlocked = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !TEST_SOURCES.relativize(file).startsWith(Path.of("dev/kmslab/bench")))
                    .filter(file -> {
                        String text = read(file);
                        boolean ui = TEST_SOURCES.relativize(file).startsWith(Path.of("dev/kmslab/ui"))
                                || UI.matcher(text).find();
                        return ui && TEST_METHOD.matcher(text).find() && !SERIAL.matcher(text).find();
                    })
                    .map(TEST_SOURCES::relativize)
                    .map(Path::toString)
                    .sorted()
                    .collect(Collectors.toList());
        }

        assertThat(unlocked).as("UI test classes without @ResourceLock(UiTests.JAVAFX) or @Isolated").isEmpty();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}
