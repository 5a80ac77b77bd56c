package dev.kmslab.engine.error;

/** The custom key store still holds KMS keys, so it cannot be deleted. */
public class CustomKeyStoreHasCMKsException extends KmsException {

    public CustomKeyStoreHasCMKsException(String message) {
        super(message);
    }
}
