package dev.kmslab.engine.error;

/** The ciphertext, or its encryption context, is not valid or has been tampered with. */
public class InvalidCiphertextException extends KmsException {

    public InvalidCiphertextException(String message) {
        super(message);
    }
}
