package dev.kmslab.study.content;

/** A content file that could not be used as written: which file, where in it, and what was expected. */
public record ContentProblem(String file, String location, String message) {

    @Override
    public String toString() {
        return file + (location.isEmpty() ? "" : " at " + location) + ": " + message;
    }
}
