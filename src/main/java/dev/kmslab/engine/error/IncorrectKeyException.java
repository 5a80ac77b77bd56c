package dev.kmslab.engine.error;

/** The KeyId given to Decrypt or ReEncrypt is not the key that encrypted the ciphertext. */
public class IncorrectKeyException extends KmsException {

    public IncorrectKeyException(String message) {
        super(message);
    }
}
