package dev.kmslab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.ui.common.Stylesheets;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.css.CssParser;
import javafx.css.Rule;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A stylesheet with a syntax error silently loses every rule after it, so every sheet must parse cleanly; and the app
 * loads the binary form the build compiles, so that form must exist and say the same as the source.
 */
@ResourceLock(UiTests.JAVAFX)
class StylesheetTest {

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("assets/css"))) {
            return files.filter(p -> p.toString().endsWith(".css")).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void everyStylesheetIsCompiledToBinaryCss_withTheSameRulesAsItsSource() throws IOException {
        List<Path> sheets = sources();
        assertThat(sheets).isNotEmpty();
        for (Path sheet : sheets) {
            String name = sheet.getFileName().toString().replaceFirst("\\.css$", "");
            String url = Stylesheets.url(name);
            assertThat(url).as(name).endsWith("/assets/css/" + name + ".bss");
            Stylesheet binary = Stylesheet.loadBinary(new URL(url));
            Stylesheet text = new CssParser().parse(sheet.toUri().toURL());
            assertThat(rules(binary)).as(name).isNotEmpty().containsExactlyElementsOf(rules(text));
        }
    }

    // A rule read from binary CSS fills in its declarations only when asked, so they are listed explicitly.
    private static List<String> rules(Stylesheet sheet) {
        return sheet.getRules().stream().map(StylesheetTest::describe).collect(Collectors.toList());
    }

    private static String describe(Rule rule) {
        return rule.getSelectors() + " " + rule.getDeclarations().stream()
                .map(d -> d.getProperty() + ": " + d.getParsedValue() + (d.isImportant() ? " !important" : ""))
                .collect(Collectors.toList());
    }

    @Test
    void everyStylesheetParsesWithoutErrors() throws IOException {
        List<Path> sheets = sources();
        assertThat(sheets).isNotEmpty();
        for (Path sheet : sheets) {
            CssParser.errorsProperty().clear();
            new CssParser().parse(sheet.toUri().toURL());
            assertThat(CssParser.errorsProperty()).as(sheet.toString()).isEmpty();
        }
    }
}
