package dev.kmslab.study.quiz.exam;

/** State of one cell of the exam's question grid; {@code number} is 1-based. */
public record GridItem(int number, boolean answered, boolean flagged, boolean current) {
}
