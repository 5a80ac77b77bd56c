package dev.kmslab.engine.error;

/** The custom key store's connection state does not allow the operation. */
public class CustomKeyStoreInvalidStateException extends KmsException {

    public CustomKeyStoreInvalidStateException(String message) {
        super(message);
    }
}
