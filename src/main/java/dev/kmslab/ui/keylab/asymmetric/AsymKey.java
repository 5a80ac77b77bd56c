package dev.kmslab.ui.keylab.asymmetric;

import dev.kmslab.engine.model.KeyMetadata;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyState;
import dev.kmslab.engine.model.KeyUsage;

/** A key the tab can work with, as DescribeKey reported it, with the alias a learner recognises it by (or ""). */
public record AsymKey(KeyMetadata metadata, String alias) {

    public AsymKey {
        alias = alias == null ? "" : alias;
    }

    public String keyId() {
        return metadata.keyId();
    }

    public KeySpec spec() {
        return metadata.keySpec();
    }

    public KeyUsage usage() {
        return metadata.keyUsage();
    }

    public KeyState state() {
        return metadata.keyState();
    }

    public boolean isRsa() {
        return spec().family() == KeySpec.Family.RSA;
    }

    /** The modulus size of an RSA key (2048, 3072 or 4096). */
    public int rsaBits() {
        return spec().bits();
    }

    /** True for keys with a public half that GetPublicKey returns (every spec but symmetric and HMAC). */
    public boolean hasPublicKey() {
        return usage() == KeyUsage.SIGN_VERIFY || usage() == KeyUsage.KEY_AGREEMENT
                || (usage() == KeyUsage.ENCRYPT_DECRYPT && spec() != KeySpec.SYMMETRIC_DEFAULT);
    }

    /** "alias/signer · ECC_NIST_P256 · SIGN_VERIFY" or the short key id when there is no alias. */
    public String label() {
        String name = alias.isEmpty() ? dev.kmslab.ui.keylab.common.LabFormat.shortId(keyId()) : alias;
        String state = state() == KeyState.Enabled ? "" : " (" + state() + ")";
        return name + " · " + spec() + " · " + usage() + state;
    }

    @Override
    public String toString() {
        return label();
    }
}
