package dev.kmslab.study.labs;

/**
 * One thing "Check my work" verifies against the sandbox engine, e.g. that a principal is denied an action, that a
 * key is disabled, or that an audit event exists. See {@link LabSchema#CHECKS} for every type and its arguments.
 */
public record LabCheck(String id, String title, String type, LabArgs args) {
}
