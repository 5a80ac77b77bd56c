package dev.kmslab.flow;

import java.util.Objects;

/** A call that failed, as AWS reports it: the error code (e.g. {@code InvalidCiphertextException}) and message. */
public record Failure(String errorCode, String message) {

    public Failure {
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(message, "message");
    }
}
