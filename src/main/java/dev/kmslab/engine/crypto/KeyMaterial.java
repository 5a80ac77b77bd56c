package dev.kmslab.engine.crypto;

import javax.security.auth.Destroyable;

/**
 * The secret of one backing key (one version) of a KMS key, of one of three kinds:
 *
 * <ul>
 *   <li>{@link AesKeyMaterial}: the AES-256 key of a SYMMETRIC_DEFAULT key (AES-GCM, the ciphertext blob);</li>
 *   <li>{@link AsymmetricKeyMaterial}: the key pair of an RSA, ECC, SM2 or ML-DSA key;</li>
 *   <li>{@link HmacKeyMaterial}: the secret of an HMAC key.</li>
 * </ul>
 *
 * <p>Where the material came from is not a kind of its own. Imported material (origin EXTERNAL) is one of the
 * three kinds as soon as it is imported; whether it expires, its description and whether it waits for rotation are
 * facts of the version ({@code state.KeyVersion}), not of the secret. Material of a key in a custom key store
 * (origin AWS_CLOUDHSM) is never held by the engine at all: it is a non-extractable object in the store's token,
 * found by a label made of the key id and the version number. Such a version has no {@code KeyMaterial} (null),
 * like imported material that has not arrived yet or was deleted; a kind for it would only wrap that label and
 * have no secret to destroy.
 *
 * <p>{@link #encoded()} gives the bytes the keystore seals at rest, whose format is fixed by the keystores already
 * written: the raw AES key, a PKCS#8 PrivateKeyInfo DER for key pairs, the raw HMAC key. Every kind copies its
 * secret in, never prints it ({@code toString()} names only the kind and size), and {@link #destroy()} wipes what
 * can be wiped and makes the material unusable from then on.
 *
 * <p>Code that depends on the kind tests for it with {@code instanceof} patterns (Java 17 has no pattern switch);
 * the interface is sealed, so these three are all there is.
 */
public sealed interface KeyMaterial extends Destroyable permits AesKeyMaterial, AsymmetricKeyMaterial,
        HmacKeyMaterial {

    /**
     * A fresh copy of the secret encoding, only for sealing the keystore at rest; the caller must wipe it.
     *
     * @throws IllegalStateException once the material is destroyed
     */
    byte[] encoded();

    /** Wipes what can be wiped and makes the material unusable; never fails. */
    @Override
    void destroy();
}
