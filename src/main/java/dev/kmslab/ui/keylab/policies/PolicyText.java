package dev.kmslab.ui.keylab.policies;

/**
 * Finds places in a policy's JSON text from the 1-based line and column the policy parser reports: a whole line (to
 * mark an error) or the lines of a statement object (to show which statement decided). Brace matching skips strings,
 * so a "}" inside a Sid does not end a statement.
 */
public final class PolicyText {

    private PolicyText() {
    }

    /** The offset of a 1-based line and column, clamped into the text. */
    public static int offsetOf(String text, int line, int column) {
        int start = lineStart(text, line);
        int lineEnd = text.indexOf('\n', start);
        int end = lineEnd < 0 ? text.length() : lineEnd;
        return Math.min(end, start + Math.max(0, column - 1));
    }

    /** The whole line (without its line break); an empty range at the end when the line does not exist. */
    public static TextRange line(String text, int line) {
        int start = lineStart(text, line);
        int lineEnd = text.indexOf('\n', start);
        return new TextRange(start, lineEnd < 0 ? text.length() : lineEnd);
    }

    /**
     * The full lines of the JSON object that starts at this line and column (its "{"), up to the line of the matching
     * "}". If no "{" is there, just that line.
     */
    public static TextRange objectLines(String text, int line, int column) {
        int open = offsetOf(text, line, column);
        while (open < text.length() && Character.isWhitespace(text.charAt(open))) {
            open++;
        }
        TextRange first = line(text, line);
        if (open >= text.length() || text.charAt(open) != '{') {
            return first;
        }
        int close = matchingBrace(text, open);
        if (close < 0) {
            return first;
        }
        int closeLineEnd = text.indexOf('\n', close);
        return new TextRange(first.start(), closeLineEnd < 0 ? text.length() : closeLineEnd);
    }

    /** The 1-based line number of an offset. */
    public static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int lineStart(String text, int line) {
        int offset = 0;
        for (int l = 1; l < line; l++) {
            int next = text.indexOf('\n', offset);
            if (next < 0) {
                return text.length();
            }
            offset = next + 1;
        }
        return offset;
    }

    private static int matchingBrace(String text, int open) {
        int depth = 0;
        boolean inString = false;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
