package dev.kmslab.engine.model;

import java.time.Instant;

/** ScheduleKeyDeletion: keyId is the key ARN. */
public record ScheduleKeyDeletionResult(String keyId, Instant deletionDate, KeyState keyState,
                                        int pendingWindowInDays) {
}
