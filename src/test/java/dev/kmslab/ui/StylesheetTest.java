package dev.kmslab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.css.CssParser;
import org.junit.jupiter.api.Test;

/** A stylesheet with a syntax error silently loses every rule after it, so every sheet must parse cleanly. */
class StylesheetTest {

    @Test
    void everyStylesheetParsesWithoutErrors() throws IOException {
        List<Path> sheets;
        try (Stream<Path> files = Files.walk(Path.of("assets/css"))) {
            sheets = files.filter(p -> p.toString().endsWith(".css")).collect(Collectors.toList());
        }
        assertThat(sheets).isNotEmpty();
        for (Path sheet : sheets) {
            CssParser.errorsProperty().clear();
            new CssParser().parse(sheet.toUri().toURL());
            assertThat(CssParser.errorsProperty()).as(sheet.toString()).isEmpty();
        }
    }
}
