package dev.kmslab.study.labs;

/** One check's outcome: passed or failed, and why, in words a learner can act on. */
public record CheckResult(String id, String title, boolean passed, String reason) {
}
