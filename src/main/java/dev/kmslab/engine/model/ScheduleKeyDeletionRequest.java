package dev.kmslab.engine.model;

/** ScheduleKeyDeletion; pendingWindowInDays 7–30, default 30. */
public record ScheduleKeyDeletionRequest(String keyId, Integer pendingWindowInDays) {
}
