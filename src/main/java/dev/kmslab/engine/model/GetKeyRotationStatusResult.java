package dev.kmslab.engine.model;

import java.time.Instant;

/** GetKeyRotationStatus: keyId is the key ARN; period and next date are null while rotation is off. */
public record GetKeyRotationStatusResult(boolean keyRotationEnabled, String keyId, Integer rotationPeriodInDays,
                                         Instant nextRotationDate, Instant onDemandRotationStartDate) {
}
