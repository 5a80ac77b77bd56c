package dev.kmslab.engine.policy;

/** The set operator prefix of a condition, for keys that carry several values (such as EncryptionContextKeys). */
public enum SetQualifier {
    NONE(""), FOR_ANY_VALUE("ForAnyValue:"), FOR_ALL_VALUES("ForAllValues:");

    private final String prefix;

    SetQualifier(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }
}
