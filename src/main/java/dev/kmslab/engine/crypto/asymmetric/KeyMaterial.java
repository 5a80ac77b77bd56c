package dev.kmslab.engine.crypto.asymmetric;

import dev.kmslab.engine.model.KeySpec;
import javax.security.auth.Destroyable;

/**
 * Secret key material of an asymmetric or HMAC KMS key. {@link #encoded()} gives the bytes the engine persists
 * (encrypted): a PKCS#8 PrivateKeyInfo for key pairs, the raw key for HMAC. {@link KeyMaterials#decode} reverses it.
 * {@code toString()} never shows secret bytes.
 */
public sealed interface KeyMaterial extends Destroyable permits AsymmetricKeyMaterial, HmacKeyMaterial {

    KeySpec spec();

    /** A fresh copy of the secret encoding; the caller should wipe it after use. */
    byte[] encoded();

    /** Wipes what can be wiped and makes the material unusable; never fails. */
    @Override
    void destroy();
}
