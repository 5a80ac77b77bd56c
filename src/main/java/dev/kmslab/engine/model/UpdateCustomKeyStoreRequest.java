package dev.kmslab.engine.model;

/**
 * UpdateCustomKeyStore: a new name (allowed while CONNECTED) and/or the token's current user PIN (only while
 * DISCONNECTED; it tells the lab the PIN, it does not change it in the token). Null members are left as they are.
 */
public record UpdateCustomKeyStoreRequest(String customKeyStoreId, String newCustomKeyStoreName,
                                          char[] keyStorePassword) {

    public UpdateCustomKeyStoreRequest {
        keyStorePassword = keyStorePassword == null ? null : keyStorePassword.clone();
    }

    @Override
    public char[] keyStorePassword() {
        return keyStorePassword == null ? null : keyStorePassword.clone();
    }

    @Override
    public String toString() {
        return "UpdateCustomKeyStoreRequest[" + customKeyStoreId + ", newName=" + newCustomKeyStoreName
                + (keyStorePassword == null ? "" : ", new password hidden") + "]";
    }
}
