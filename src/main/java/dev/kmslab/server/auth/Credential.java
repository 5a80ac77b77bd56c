package dev.kmslab.server.auth;

import java.util.Objects;

/**
 * An access key: the id callers send, the secret both sides sign with, the principal the key belongs to and, for
 * temporary credentials (from STS AssumeRole), the session token every request must carry in
 * {@code X-Amz-Security-Token}; null for long-term keys. {@code toString()} never shows the secret or the token.
 */
public record Credential(String accessKeyId, String secretAccessKey, String principalArn, String sessionToken) {

    public Credential {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        Objects.requireNonNull(principalArn, "principalArn");
    }

    /** A long-term access key. */
    public Credential(String accessKeyId, String secretAccessKey, String principalArn) {
        this(accessKeyId, secretAccessKey, principalArn, null);
    }

    /** True for temporary credentials, which need their session token. */
    public boolean temporary() {
        return sessionToken != null;
    }

    @Override
    public String toString() {
        return "Credential[accessKeyId=" + accessKeyId + ", principalArn=" + principalArn + ", secret=<hidden>"
                + (sessionToken == null ? "" : ", sessionToken=<hidden>") + "]";
    }
}
