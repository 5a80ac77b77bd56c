package dev.kmslab.engine.policy;

import dev.kmslab.engine.error.MalformedPolicyDocumentException;

/**
 * A policy that fails to parse or validate, with where: the JSON path ({@code Statement[1].Effect}, empty for the
 * whole document), the 1-based line and column, and the reason. The UI marks the location in its editor; the error
 * code stays {@code MalformedPolicyDocumentException}, as AWS reports it.
 */
public class PolicyValidationException extends MalformedPolicyDocumentException {

    private final String path;
    private final int line;
    private final int column;
    private final String reason;

    public PolicyValidationException(String path, int line, int column, String reason) {
        super(format(path, line, column, reason));
        this.path = path;
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    PolicyValidationException(String path, SourcePosition at, String reason) {
        this(path, at.line(), at.column(), reason);
    }

    private static String format(String path, int line, int column, String reason) {
        String where = path.isEmpty() ? "Policy" : path;
        return where + " (line " + line + ", column " + column + "): " + reason;
    }

    @Override
    public String errorCode() {
        return "MalformedPolicyDocumentException";
    }

    public String path() {
        return path;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String reason() {
        return reason;
    }
}
