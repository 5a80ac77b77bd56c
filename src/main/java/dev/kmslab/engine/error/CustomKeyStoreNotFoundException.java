package dev.kmslab.engine.error;

/** No custom key store in the account has the given id or name. */
public class CustomKeyStoreNotFoundException extends KmsException {

    public CustomKeyStoreNotFoundException(String message) {
        super(message);
    }
}
