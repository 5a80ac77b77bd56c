package dev.kmslab.engine.crypto.pkcs11;

/**
 * Which token a provider ended up on, as SunPKCS11 reported it.
 *
 * @param slotId the PKCS#11 slot id, or -1 if the provider did not report it
 * @param label  the token label without its blank padding, or empty if not reported
 */
public record TokenIdentity(long slotId, String label) {

    public TokenIdentity {
        label = label == null ? "" : label.strip();
    }

    /** e.g. {@code token 'kmslab-test' in slot 1234}. */
    public String describe() {
        String token = label.isEmpty() ? "token" : "token '" + label + "'";
        return slotId < 0 ? token : token + " in slot " + slotId;
    }
}
