package dev.kmslab.ui.keylab.policies;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * The key-policy editor: JSON coloured as you type (member names, strings, numbers, literals, punctuation), line
 * numbers, and a mark on the line the engine reported a problem at.
 */
final class JsonEditor extends CodeArea {

    // A string followed by a colon is a member name; the groups are tried in order.
    private static final Pattern TOKENS = Pattern.compile(
            "(?<KEY>\"(?:[^\"\\\\]|\\\\.)*\"(?=\\s*:))"
                    + "|(?<STRING>\"(?:[^\"\\\\]|\\\\.)*\"?)"
                    + "|(?<NUMBER>-?\\b\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?\\b)"
                    + "|(?<LITERAL>\\b(?:true|false|null)\\b)"
                    + "|(?<PUNCT>[{}\\[\\],:])");

    private int markedLine = -1;

    JsonEditor() {
        getStyleClass().add("json-editor");
        setParagraphGraphicFactory(LineNumberFactory.get(this));
        textProperty().addListener((obs, was, now) -> setStyleSpans(0, highlight(now)));
    }

    /** Marks one line (0-based) as the problem line, or none with -1. */
    void markLine(int line) {
        if (markedLine >= 0 && markedLine < getParagraphs().size()) {
            setParagraphStyle(markedLine, Collections.emptyList());
        }
        markedLine = line;
        if (line >= 0 && line < getParagraphs().size()) {
            setParagraphStyle(line, List.of("json-error-line"));
        }
    }

    static StyleSpans<Collection<String>> highlight(String text) {
        Matcher m = TOKENS.matcher(text);
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        int last = 0;
        while (m.find()) {
            String style = m.group("KEY") != null ? "json-key"
                    : m.group("STRING") != null ? "json-string"
                    : m.group("NUMBER") != null ? "json-number"
                    : m.group("LITERAL") != null ? "json-literal" : "json-punct";
            spans.add(Collections.emptyList(), m.start() - last);
            spans.add(List.of(style), m.end() - m.start());
            last = m.end();
        }
        spans.add(Collections.emptyList(), text.length() - last);
        return spans.create();
    }
}
