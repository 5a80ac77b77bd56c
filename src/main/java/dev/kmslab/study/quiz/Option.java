package dev.kmslab.study.quiz;

import java.util.Objects;

/** An answer option with the explanation of why it is right or wrong, shown after answering. */
public record Option(String id, String text, String explanation) {

    public Option {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(explanation, "explanation");
    }
}
