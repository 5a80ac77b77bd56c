package dev.kmslab.engine.error;

/** The specified key, alias, grant or other entity does not exist. */
public class NotFoundException extends KmsException {

    public NotFoundException(String message) {
        super(message);
    }
}
