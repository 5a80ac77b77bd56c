package dev.kmslab.engine.error;

/** A pagination Marker was not produced by a previous call. */
public class InvalidMarkerException extends KmsException {

    public InvalidMarkerException(String message) {
        super(message);
    }
}
