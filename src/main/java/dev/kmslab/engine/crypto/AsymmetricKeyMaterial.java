package dev.kmslab.engine.crypto;

import dev.kmslab.engine.model.KeySpec;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import javax.security.auth.DestroyFailedException;

/**
 * The key pair of an asymmetric KMS key. Callers get the public key as DER SubjectPublicKeyInfo and the private key
 * only as PKCS#8 bytes for encrypted persistence; the JCA keys themselves go only to the operations in
 * {@code crypto.asymmetric} (ArchitectureTest checks that nothing outside {@code crypto} asks for them).
 * {@code crypto.asymmetric.KeyMaterials} generates the pair or rebuilds it from PKCS#8.
 */
public final class AsymmetricKeyMaterial implements KeyMaterial {

    private final KeySpec spec;
    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private volatile boolean destroyed;

    private AsymmetricKeyMaterial(KeySpec spec, KeyPair pair) {
        this.spec = spec;
        this.privateKey = pair.getPrivate();
        this.publicKey = pair.getPublic();
    }

    /** Takes the pair as it is; the caller (KeyMaterials) made it for {@code spec} or checked it against it. */
    public static AsymmetricKeyMaterial of(KeySpec spec, KeyPair pair) {
        return new AsymmetricKeyMaterial(spec, pair);
    }

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

    /** The JCA private key, for the signing, decryption and key agreement code of {@code crypto.asymmetric}. */
    public PrivateKey privateKey() {
        checkLive();
        return privateKey;
    }

    /** The JCA public key, for the verification and encryption code of {@code crypto.asymmetric}. */
    public PublicKey publicKey() {
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
