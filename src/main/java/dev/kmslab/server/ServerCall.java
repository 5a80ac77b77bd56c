package dev.kmslab.server;

import java.time.Instant;

/**
 * One HTTP call the endpoint answered, for a live view of incoming traffic. Never holds request or response bodies.
 * {@code operation}, {@code accessKeyId} and {@code principalArn} are null when the request failed before they were
 * known; {@code errorType} and {@code errorMessage} are null on success. {@code httpStatus} is 0 when the client went
 * away before a response could be sent.
 */
public record ServerCall(String requestId, Instant receivedAt, String operation, String accessKeyId,
                         String principalArn, int httpStatus, String errorType, String errorMessage,
                         long durationMicros, String remoteAddress) {

    public boolean isError() {
        return errorType != null || httpStatus != 200;
    }
}
