package dev.kmslab.engine.crypto.pkcs11;

/**
 * No key object with the given label exists in the token (for example it was deleted outside the lab). The engine
 * decides how to surface it; the key's material is gone from the token, so it cannot be used.
 */
public class TokenKeyNotFoundException extends TokenException {

    private final String label;

    public TokenKeyNotFoundException(String label, String tokenDescription) {
        super("No key labelled '" + label + "' in " + tokenDescription);
        this.label = label;
    }

    public String label() {
        return label;
    }
}
