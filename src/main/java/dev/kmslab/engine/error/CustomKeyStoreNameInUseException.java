package dev.kmslab.engine.error;

/** Another custom key store in the account already has this name. */
public class CustomKeyStoreNameInUseException extends KmsException {

    public CustomKeyStoreNameInUseException(String message) {
        super(message);
    }
}
