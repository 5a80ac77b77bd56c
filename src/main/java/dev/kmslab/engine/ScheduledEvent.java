package dev.kmslab.engine;

import java.time.Instant;

/**
 * Work the service does on its own: an automatic rotation ({@code RotateKey}) or a key deletion completing
 * ({@code DeleteKey}), due at {@code at}. The event names are the ones CloudTrail uses.
 */
public record ScheduledEvent(Instant at, String keyArn, String eventName) {
}
