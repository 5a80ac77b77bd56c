package dev.kmslab.study.quiz;

import java.util.Objects;

/** An entry of the right-hand column of a matching question. */
public record Target(String id, String text) {

    public Target {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
    }
}
