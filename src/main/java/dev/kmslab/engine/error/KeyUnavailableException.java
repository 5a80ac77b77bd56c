package dev.kmslab.engine.error;

/** The key's material is temporarily unavailable (for example a disconnected key store). */
public class KeyUnavailableException extends KmsException {

    public KeyUnavailableException(String message) {
        super(message);
    }
}
