package dev.kmslab.engine.error;

/** The key's KeyUsage or KeySpec does not allow the operation or algorithm. */
public class InvalidKeyUsageException extends KmsException {

    public InvalidKeyUsageException(String message) {
        super(message);
    }
}
