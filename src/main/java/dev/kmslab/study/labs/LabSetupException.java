package dev.kmslab.study.labs;

/** A lab's starting state could not be built (an operation failed); names the lab and the operation. */
public final class LabSetupException extends RuntimeException {

    public LabSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
