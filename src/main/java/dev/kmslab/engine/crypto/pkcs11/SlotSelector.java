package dev.kmslab.engine.crypto.pkcs11;

/**
 * How the token is chosen among the module's slots: by PKCS#11 slot id, by position in the list of slots that hold
 * a token, or by token label. SunPKCS11 on JDK 17 accepts only {@code slot} and {@code slotListIndex}; a label is
 * resolved to a slot id by {@link TokenProbe}.
 */
public sealed interface SlotSelector {

    /** Short text for messages, e.g. {@code slot 12}. */
    String describe();

    /** A PKCS#11 slot id ({@code CK_SLOT_ID}); module-specific and may change when a token is re-initialised. */
    record SlotId(long id) implements SlotSelector {
        public SlotId {
            if (id < 0) {
                throw new IllegalArgumentException("slot id must be >= 0, was " + id);
            }
        }

        @Override
        public String describe() {
            return "slot " + id;
        }
    }

    /** The zero-based index into the module's list of slots that have a token present. */
    record SlotListIndex(int index) implements SlotSelector {
        public SlotListIndex {
            if (index < 0) {
                throw new IllegalArgumentException("slot list index must be >= 0, was " + index);
            }
        }

        @Override
        public String describe() {
            return "slot list index " + index;
        }
    }

    /** The token's label ({@code CK_TOKEN_INFO.label}, at most 32 characters, compared without trailing blanks). */
    record TokenLabel(String label) implements SlotSelector {
        public TokenLabel {
            if (label == null || label.isBlank()) {
                throw new IllegalArgumentException("token label must not be blank");
            }
            label = label.strip();
            if (label.length() > 32) {
                throw new IllegalArgumentException("token label is at most 32 characters, was " + label.length());
            }
        }

        @Override
        public String describe() {
            return "token labelled '" + label + "'";
        }
    }
}
