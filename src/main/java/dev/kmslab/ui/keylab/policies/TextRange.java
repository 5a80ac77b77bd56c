package dev.kmslab.ui.keylab.policies;

/** A span of an editor's text, {@code [start, end)} in characters. */
public record TextRange(int start, int end) {

    public TextRange {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad range " + start + ".." + end);
        }
    }
}
