package dev.kmslab.engine.esdk;

/** Which format an encrypted file is in. */
public enum MessageFormat {
    /** The AWS Encryption SDK message format, written and read by the official SDK. */
    AWS_ENCRYPTION_SDK("AWS Encryption SDK message"),
    /** KMS Lab's own envelope format from before the app spoke the SDK's format; still read, no longer written. */
    KMS_LAB_ENVELOPE_V1("KMS Lab envelope v1 (older format)");

    private final String label;

    MessageFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
