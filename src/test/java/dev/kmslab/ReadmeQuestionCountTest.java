package dev.kmslab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README must not state a question count typed by hand (it goes stale as soon as a bank changes): the Quiz
 * screen reports the count from the bank itself.
 */
class ReadmeQuestionCountTest {

    @Test
    void readmeStatesNoHandTypedQuestionCount() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        assertThat(Pattern.compile("\\b\\d[\\d,]* (scenario )?questions\\b").matcher(readme).results()
                .map(m -> m.group()).filter(m -> !m.startsWith("1,000")).toList())
                .as("question counts typed into README.md").isEmpty();
    }
}
