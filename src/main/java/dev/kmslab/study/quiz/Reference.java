package dev.kmslab.study.quiz;

import java.util.Objects;

/** The AWS documentation page that backs a question's answer. */
public record Reference(String title, String url) {

    public Reference {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(url, "url");
    }
}
