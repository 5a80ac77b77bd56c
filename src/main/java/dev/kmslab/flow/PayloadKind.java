package dev.kmslab.flow;

/** What a payload's bytes are; decides the chip colour and, for keys, whether the player draws them locked. */
public enum PayloadKind {
    PLAINTEXT("plaintext"),
    DATA_KEY("data key"),
    ENCRYPTED_DATA_KEY("encrypted data key"),
    IV("IV"),
    CIPHERTEXT("ciphertext"),
    CONTEXT("encryption context"),
    KEY_ID("key id"),
    SIGNATURE("signature"),
    OTHER("data");

    private final String label;

    PayloadKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A key the player draws with a padlock: closed when it is wrapped by a KMS key, open when it is usable. */
    public boolean isKey() {
        return this == DATA_KEY || this == ENCRYPTED_DATA_KEY;
    }

    public boolean isLocked() {
        return this == ENCRYPTED_DATA_KEY || this == CIPHERTEXT;
    }
}
