package dev.kmslab.study.quiz;

import java.util.Objects;

/** A study topic shared by checklists and quizzes, e.g. {@code key-policies}. */
public record Topic(String id, String title) {

    public Topic {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
    }
}
