package dev.kmslab.ui.keylab.keys;

import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyUsage;

/**
 * Which key specs fit which key usage, so the create-key dialog moves the spec to one that fits when the learner
 * changes the usage (AWS rejects, say, SIGN_VERIFY with SYMMETRIC_DEFAULT). The same table as the engine's
 * key-spec rules: symmetric keys encrypt; RSA encrypts or signs; NIST curves sign or agree keys; secp256k1,
 * Ed25519 and ML-DSA sign; HMAC keys make MACs; SM2 (China Regions) does all three.
 */
final class KeySpecChoices {

    private KeySpecChoices() {
    }

    static boolean fits(KeySpec spec, KeyUsage usage) {
        String name = spec.name();
        if (spec == KeySpec.SM2) {
            return usage != KeyUsage.GENERATE_VERIFY_MAC;
        }
        if (spec == KeySpec.SYMMETRIC_DEFAULT) {
            return usage == KeyUsage.ENCRYPT_DECRYPT;
        }
        if (name.startsWith("HMAC_")) {
            return usage == KeyUsage.GENERATE_VERIFY_MAC;
        }
        if (name.startsWith("RSA_")) {
            return usage == KeyUsage.ENCRYPT_DECRYPT || usage == KeyUsage.SIGN_VERIFY;
        }
        if (name.startsWith("ECC_NIST_P")) {
            return usage == KeyUsage.SIGN_VERIFY || usage == KeyUsage.KEY_AGREEMENT;
        }
        return usage == KeyUsage.SIGN_VERIFY;
    }

    /** The spec the dialog moves to for a usage the current spec does not fit: a common, widely supported one. */
    static KeySpec defaultFor(KeyUsage usage) {
        return switch (usage) {
            case ENCRYPT_DECRYPT -> KeySpec.SYMMETRIC_DEFAULT;
            case GENERATE_VERIFY_MAC -> KeySpec.HMAC_256;
            default -> KeySpec.ECC_NIST_P256;
        };
    }
}
