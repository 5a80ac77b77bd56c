package dev.kmslab.engine.crypto.pkcs11;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to reach a PKCS#11 token: the module library, which slot, and where the user PIN comes from. Holds no secret,
 * so it can be persisted and shown as is.
 *
 * @param name    a short name for this connection, used in the SunPKCS11 provider name ({@code SunPKCS11-<name>})
 * @param library absolute path of the PKCS#11 module, e.g. {@code /usr/lib/softhsm/libsofthsm2.so}
 * @param slot    which slot's token to use
 * @param pin     where the user PIN comes from
 */
public record Pkcs11Config(String name, Path library, SlotSelector slot, PinSource pin) {

    public Pkcs11Config {
        if (name == null || !name.matches("[A-Za-z0-9_-]{1,40}")) {
            throw new IllegalArgumentException("name must be 1-40 letters, digits, '_' or '-': " + name);
        }
        Objects.requireNonNull(library, "library");
        if (!library.isAbsolute()) {
            throw new IllegalArgumentException("module library path must be absolute: " + library);
        }
        // The path is written into the provider configuration inside double quotes.
        String text = library.toString();
        if (text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            throw new IllegalArgumentException("module library path must not contain quotes or line breaks");
        }
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(pin, "pin");
    }

    /**
     * Builds a configuration from optional settings as a form or file supplies them: exactly one of
     * {@code slotId}, {@code slotListIndex} and {@code tokenLabel} must be given (non-null).
     */
    public static Pkcs11Config of(String name, Path library, Long slotId, Integer slotListIndex, String tokenLabel,
            PinSource pin) {
        int given = (slotId != null ? 1 : 0) + (slotListIndex != null ? 1 : 0) + (tokenLabel != null ? 1 : 0);
        if (given != 1) {
            throw new IllegalArgumentException(
                    "give exactly one of slot id, slot list index and token label (" + given + " given)");
        }
        SlotSelector slot = slotId != null ? new SlotSelector.SlotId(slotId)
                : slotListIndex != null ? new SlotSelector.SlotListIndex(slotListIndex)
                : new SlotSelector.TokenLabel(tokenLabel);
        return new Pkcs11Config(name, library, slot, pin);
    }

    /** The provider name SunPKCS11 will report. */
    public String providerName() {
        return "SunPKCS11-" + name;
    }
}
