package dev.kmslab.engine.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One audited call, shaped like a CloudTrail record. {@code requestParameters} never holds plaintext, data keys or
 * ciphertext bodies; the encryption context is included because CloudTrail logs it too. {@code errorCode} and
 * {@code errorMessage} are null for a successful call. {@code keyArn} is null when the call named no existing key.
 */
public record AuditEvent(String eventId, Instant eventTime, String eventName, String principalArn, String keyArn,
                         Map<String, Object> requestParameters, String errorCode, String errorMessage,
                         String requestId, String authorizationExplanation) {

    public boolean isError() {
        return errorCode != null;
    }
}
