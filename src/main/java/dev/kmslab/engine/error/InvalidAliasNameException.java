package dev.kmslab.engine.error;

/** An alias name is malformed or reserved. */
public class InvalidAliasNameException extends KmsException {

    public InvalidAliasNameException(String message) {
        super(message);
    }
}
