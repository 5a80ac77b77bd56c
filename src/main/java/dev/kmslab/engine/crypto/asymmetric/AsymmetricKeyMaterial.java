package dev.kmslab.engine.crypto.asymmetric;

import dev.kmslab.engine.model.KeySpec;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import javax.security.auth.DestroyFailedException;

/**
 * The key pair of an asymmetric KMS key. The private key stays inside this package; callers get the public key as
 * DER SubjectPublicKeyInfo and the private key only as PKCS#8 bytes for encrypted persistence.
 */
public final class AsymmetricKeyMaterial implements KeyMaterial {

    private final KeySpec spec;
    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private volatile boolean destroyed;

    AsymmetricKeyMaterial(KeySpec spec, KeyPair pair) {
        this.spec = spec;
        this.privateKey = pair.getPrivate();
        this.publicKey = pair.getPublic();
    }

    /**
     * Rebuilds key material from PKCS#8 bytes (as {@link #encoded()} produced them, or imported ones). The public key
     * is recomputed from the private key.
     *
     * @throws dev.kmslab.engine.error.IncorrectKeyMaterialException if the bytes are not a private key of this spec
     */
    public static AsymmetricKeyMaterial fromPkcs8(KeySpec spec, byte[] pkcs8) {
        PrivateKey privateKey = KeyCodec.decodePrivateKey(spec, pkcs8);
        return new AsymmetricKeyMaterial(spec, new KeyPair(KeyCodec.derivePublicKey(spec, privateKey), privateKey));
    }

    @Override
    public KeySpec spec() {
        return spec;
    }

    /** PKCS#8 PrivateKeyInfo DER of the private key. */
    @Override
    public byte[] encoded() {
        return privateKey().getEncoded();
    }

    /** DER SubjectPublicKeyInfo of the public key, as GetPublicKey returns it. */
    public byte[] publicKeyDer() {
        checkLive();
        return publicKey.getEncoded();
    }

    PrivateKey privateKey() {
        checkLive();
        return privateKey;
    }

    PublicKey publicKey() {
        checkLive();
        return publicKey;
    }

    private void checkLive() {
        if (destroyed) {
            throw new IllegalStateException("Key material has been destroyed");
        }
    }

    /**
     * Marks the material unusable and asks the provider to wipe the private key. Most JDK private keys cannot wipe
     * themselves (their destroy() refuses); that refusal is ignored because this object will no longer hand them out.
     */
    @Override
    public void destroy() {
        destroyed = true;
        try {
            privateKey.destroy();
        } catch (DestroyFailedException notSupportedByProvider) {
            // The reference is dropped from use; the provider keeps no other copy we could clear.
        }
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "AsymmetricKeyMaterial[" + spec + (destroyed ? ", destroyed" : "") + "]";
    }
}
