package dev.kmslab.engine.error;

/** A DryRun request would have succeeded. */
public class DryRunOperationException extends KmsException {

    public DryRunOperationException(String message) {
        super(message);
    }
}
