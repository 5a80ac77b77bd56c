package dev.kmslab.study.labs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** content/labs/README.md documents every operation and check type the loader accepts. */
class LabSchemaDocTest {

    @Test
    void everyOperationAndCheckTypeIsDocumented() throws Exception {
        String readme = Files.readString(Path.of("content/labs/README.md"));
        for (String op : LabSchema.OPERATIONS.keySet()) {
            assertThat(readme).as("operation " + op).contains("| `" + op + "` |");
        }
        for (String check : LabSchema.CHECKS.keySet()) {
            assertThat(readme).as("check " + check).contains("| `" + check + "` |");
        }
    }
}
