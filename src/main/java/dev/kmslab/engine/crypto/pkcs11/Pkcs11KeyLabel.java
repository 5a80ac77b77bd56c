package dev.kmslab.engine.crypto.pkcs11;

/**
 * The {@code CKA_LABEL} of a KMS key version's token object: {@code kmslab:<keyId>:<version>}. The label is how a
 * key is found again after a restart, so it must be unique in the token and stable.
 */
public record Pkcs11KeyLabel(String keyId, int version) {

    /** Every label this lab writes starts with this prefix, so lab keys can be listed apart from other objects. */
    public static final String PREFIX = "kmslab:";

    public Pkcs11KeyLabel {
        if (keyId == null || !keyId.matches("[A-Za-z0-9-]{1,128}")) {
            throw new IllegalArgumentException("key id must be 1-128 letters, digits or '-': " + keyId);
        }
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1, was " + version);
        }
    }

    /** Parses {@code kmslab:<keyId>:<version>}. */
    public static Pkcs11KeyLabel parse(String label) {
        if (label == null || !label.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a kmslab key label: " + label);
        }
        int colon = label.lastIndexOf(':');
        if (colon <= PREFIX.length() - 1) {
            throw new IllegalArgumentException("not a kmslab key label: " + label);
        }
        try {
            return new Pkcs11KeyLabel(label.substring(PREFIX.length(), colon),
                    Integer.parseInt(label.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a kmslab key label: " + label, e);
        }
    }

    /** The label text stored in the token. */
    public String text() {
        return PREFIX + keyId + ":" + version;
    }

    @Override
    public String toString() {
        return text();
    }
}
