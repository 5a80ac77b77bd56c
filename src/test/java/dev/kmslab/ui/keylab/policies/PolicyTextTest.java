package dev.kmslab.ui.keylab.policies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.ui.UiTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

@ResourceLock(UiTests.JAVAFX)
class PolicyTextTest {

    private static final String TEXT = "{\n  \"Statement\" : [ {\n    \"Sid\" : \"a}b\",\n    \"Effect\" : \"Deny\"\n"
            + "  }, {\n    \"Sid\" : \"second\"\n  } ]\n}";

    @Test
    void objectLines_spanTheStatement_ignoringBracesInStrings() {
        TextRange r = PolicyText.objectLines(TEXT, 2, 19);
        assertThat(TEXT.substring(r.start(), r.end()))
                .isEqualTo("  \"Statement\" : [ {\n    \"Sid\" : \"a}b\",\n    \"Effect\" : \"Deny\"\n  }, {");
    }

    @Test
    void line_isTheWholeLineWithoutItsBreak() {
        TextRange r = PolicyText.line(TEXT, 4);
        assertThat(TEXT.substring(r.start(), r.end())).isEqualTo("    \"Effect\" : \"Deny\"");
    }

    @Test
    void aPositionWithoutABrace_marksJustItsLine() {
        TextRange r = PolicyText.objectLines(TEXT, 3, 5);
        assertThat(TEXT.substring(r.start(), r.end())).isEqualTo("    \"Sid\" : \"a}b\",");
    }

    @Test
    void lineOf_countsLineBreaks() {
        assertThat(PolicyText.lineOf(TEXT, TEXT.indexOf("second"))).isEqualTo(6);
    }

    @Test
    void contextPairs_parseAndRejectBadPairs() {
        assertThat(ContextPairs.parse(" Department = Finance, Project=Alpha "))
                .containsExactly(java.util.Map.entry("Department", "Finance"), java.util.Map.entry("Project", "Alpha"));
        assertThat(ContextPairs.parse("  ")).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ContextPairs.parse("Department"))
                .hasMessage("\"Department\" is not a key=value pair");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ContextPairs.parse("a=1, a=2"))
                .hasMessage("the key \"a\" appears twice");
    }
}
