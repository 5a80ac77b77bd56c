package dev.kmslab.engine.error;

/** A tag key or value breaks the tag rules. */
public class TagException extends KmsException {

    public TagException(String message) {
        super(message);
    }
}
