package dev.kmslab.ui.keylab.keys;

import dev.kmslab.engine.crypto.asymmetric.spec.KeySpecRules;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyUsage;

/**
 * Which key specs fit which key usage, so the create-key dialog moves the spec to one that fits when the learner
 * changes the usage (AWS rejects, say, SIGN_VERIFY with SYMMETRIC_DEFAULT). Read from the engine's key-spec rules:
 * symmetric keys encrypt; RSA encrypts or signs; NIST curves sign or agree keys; secp256k1, Ed25519 and ML-DSA sign;
 * HMAC keys make MACs; SM2 (China Regions) does all three.
 */
final class KeySpecChoices {

    private KeySpecChoices() {
    }

    static boolean fits(KeySpec spec, KeyUsage usage) {
        return KeySpecRules.usages(spec).contains(usage);
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
