package dev.kmslab;

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

/**
 * Surefire runs only classes whose names match its default patterns ({@code Test*}, {@code *Test}, {@code *Tests},
 * {@code *TestCase}) and skips {@code bench/}; a class of tests named otherwise compiles, looks fine and never runs
 * (as {@code EnvelopeProperties} did). This finds every source under {@code src/test/java} that declares a test
 * method and checks that Surefire would pick it up.
 */
class TestNamingTest {

    private static final Path TEST_SOURCES = Path.of("src/test/java");
    private static final Pattern TEST_METHOD = Pattern.compile(
            "^\\s*@(org\\.junit\\.jupiter\\.(api|params)\\.)?(Test|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate)\\b",
            Pattern.MULTILINE);
    private static final Pattern SUREFIRE_NAME = Pattern.compile("^(Test.*|.*Test|.*Tests|.*TestCase)\\.java$");

    @Test
    void everyClassWithTests_isNamedSoSurefireRunsIt() throws IOException {
        List<String> skipped;
        try (Stream<Path> files = Files.walk(TEST_SOURCES)) {
            skipped = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(TestNamingTest::declaresTests)
                    .map(TEST_SOURCES::relativize)
                    .filter(TestNamingTest::skippedBySurefire)
                    .map(Path::toString)
                    .sorted()
                    .collect(Collectors.toList());
        }

        assertThat(skipped).as("test classes Surefire would skip; rename them to end in Test").isEmpty();
    }

    @Test
    void surefirePatterns_areReadAsSurefireReadsThem() {
        assertThat(skippedBySurefire(Path.of("dev/kmslab/engine/envelope/EnvelopeProperties.java"))).isTrue();
        assertThat(skippedBySurefire(Path.of("dev/kmslab/bench/CryptoBenchTest.java"))).isTrue();
        assertThat(skippedBySurefire(Path.of("dev/kmslab/engine/envelope/EnvelopePropertiesTest.java"))).isFalse();
        assertThat(skippedBySurefire(Path.of("dev/kmslab/TestNaming.java"))).isFalse();
        assertThat(skippedBySurefire(Path.of("dev/kmslab/NamingTests.java"))).isFalse();
        assertThat(skippedBySurefire(Path.of("dev/kmslab/NamingTestCase.java"))).isFalse();
        assertThat(TEST_METHOD.matcher("class A {\n    @ParameterizedTest(name = \"{0}\")\n").find()).isTrue();
        assertThat(TEST_METHOD.matcher("    @org.junit.jupiter.api.Test\n").find()).isTrue();
        assertThat(TEST_METHOD.matcher("    @TestInstance(PER_CLASS)\n").find()).isFalse();
    }

    private static boolean declaresTests(Path file) {
        try {
            return TEST_METHOD.matcher(Files.readString(file, StandardCharsets.UTF_8)).find();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    private static boolean skippedBySurefire(Path relative) {
        boolean excludedFolder = false;
        for (Path part : relative) {
            excludedFolder |= part.toString().equals("bench");
        }
        return excludedFolder || !SUREFIRE_NAME.matcher(relative.getFileName().toString()).matches();
    }
}
