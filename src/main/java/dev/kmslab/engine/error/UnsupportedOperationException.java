package dev.kmslab.engine.error;

/** The operation is not supported for this key (for example rotating an asymmetric key). Shadows java.lang on purpose: the name is AWS's. */
public class UnsupportedOperationException extends KmsException {

    public UnsupportedOperationException(String message) {
        super(message);
    }
}
