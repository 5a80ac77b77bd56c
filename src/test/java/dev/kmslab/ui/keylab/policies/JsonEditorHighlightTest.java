package dev.kmslab.ui.keylab.policies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.ui.UiTests;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.fxmisc.richtext.model.StyleSpan;
import org.fxmisc.richtext.model.StyleSpans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

@ResourceLock(UiTests.JAVAFX)
class JsonEditorHighlightTest {

    private static List<String> styled(String json) {
        StyleSpans<Collection<String>> spans = JsonEditor.highlight(json);
        List<String> out = new ArrayList<>();
        int at = 0;
        for (StyleSpan<Collection<String>> span : spans) {
            if (!span.getStyle().isEmpty()) {
                out.add(span.getStyle().iterator().next() + ":" + json.substring(at, at + span.getLength()));
            }
            at += span.getLength();
        }
        assertThat(at).isEqualTo(json.length());
        return out;
    }

    @Test
    void membersStringsNumbersLiteralsAndPunctuationGetTheirOwnStyles() {
        assertThat(styled("{\"Effect\": \"Allow\", \"n\": -1.5e3, \"b\": true, \"x\": null}")).containsExactly(
                "json-punct:{", "json-key:\"Effect\"", "json-punct::", "json-string:\"Allow\"", "json-punct:,",
                "json-key:\"n\"", "json-punct::", "json-number:-1.5e3", "json-punct:,",
                "json-key:\"b\"", "json-punct::", "json-literal:true", "json-punct:,",
                "json-key:\"x\"", "json-punct::", "json-literal:null", "json-punct:}");
    }

    @Test
    void escapedQuotesStayInsideTheirString_andAnUnfinishedStringIsStillAString() {
        assertThat(styled("[\"a\\\"b\", \"open")).containsExactly(
                "json-punct:[", "json-string:\"a\\\"b\"", "json-punct:,", "json-string:\"open");
    }
}
