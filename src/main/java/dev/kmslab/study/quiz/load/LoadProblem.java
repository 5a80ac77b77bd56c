package dev.kmslab.study.quiz.load;

import java.util.Objects;

/**
 * Why a file or a question was not loaded.
 *
 * @param file    file name (built-in: {@code quizzes/x.json}; instructor pack: its path)
 * @param path    JSON path such as {@code questions[12].answer[0]}; empty for the whole file
 * @param line    1-based line, or 0 when unknown
 * @param column  1-based column, or 0 when unknown
 * @param message what was found and what was expected
 */
public record LoadProblem(String file, String path, int line, int column, String message) {

    public LoadProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /** {@code file:line:column: path: message}, the form compilers use, so editors can jump to it. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line).append(':').append(column);
        }
        sb.append(": ");
        if (!path.isEmpty()) {
            sb.append(path).append(": ");
        }
        return sb.append(message).toString();
    }
}
