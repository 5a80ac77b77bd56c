package dev.kmslab.study.quiz.load;

import java.util.Objects;

/** The raw bytes of one question file and the name used in error messages. */
public record BankFile(String name, byte[] content) {

    public BankFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
    }
}
