package dev.kmslab.engine.policy;

/** Where an element starts in the policy's JSON text: 1-based line and column; 0/0 when the policy has no text. */
public record SourcePosition(int line, int column) {

    public static final SourcePosition UNKNOWN = new SourcePosition(0, 0);

    public boolean known() {
        return line > 0;
    }

    @Override
    public String toString() {
        return known() ? "line " + line + ", column " + column : "no source position";
    }
}
