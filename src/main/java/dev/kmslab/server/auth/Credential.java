package dev.kmslab.server.auth;

import java.util.Objects;

/**
 * An access key: the id callers send, the secret both sides sign with, and the principal the key belongs to.
 * {@code toString()} never shows the secret.
 */
public record Credential(String accessKeyId, String secretAccessKey, String principalArn) {

    public Credential {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        Objects.requireNonNull(principalArn, "principalArn");
    }

    @Override
    public String toString() {
        return "Credential[accessKeyId=" + accessKeyId + ", principalArn=" + principalArn + ", secret=<hidden>]";
    }
}
