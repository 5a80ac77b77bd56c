package dev.kmslab.study.content;

/** A study topic shared by checklists and quizzes, e.g. {@code rotation}. */
public record Topic(String id, String title) {
}
