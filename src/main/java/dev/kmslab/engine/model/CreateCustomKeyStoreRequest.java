package dev.kmslab.engine.model;

import java.nio.file.Path;

/**
 * CreateCustomKeyStore for an AWS_CLOUDHSM-style store. The token settings stand in for CloudHsmClusterId: the
 * PKCS#11 module library and exactly one of slot id, slot list index and token label. {@code keyStorePassword} is
 * the token's user PIN (AWS: the kmsuser password); the engine copies it, so the caller may zero its array at once.
 */
public record CreateCustomKeyStoreRequest(String customKeyStoreName, Path moduleLibrary, Long slotId,
                                          Integer slotListIndex, String tokenLabel, char[] keyStorePassword) {

    public CreateCustomKeyStoreRequest {
        keyStorePassword = keyStorePassword == null ? null : keyStorePassword.clone();
    }

    @Override
    public char[] keyStorePassword() {
        return keyStorePassword == null ? null : keyStorePassword.clone();
    }

    @Override
    public String toString() {
        return "CreateCustomKeyStoreRequest[" + customKeyStoreName + ", " + moduleLibrary + ", slotId=" + slotId
                + ", slotListIndex=" + slotListIndex + ", tokenLabel=" + tokenLabel + ", password hidden]";
    }
}
