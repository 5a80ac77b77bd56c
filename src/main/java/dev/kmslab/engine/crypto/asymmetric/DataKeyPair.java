package dev.kmslab.engine.crypto.asymmetric;

import dev.kmslab.engine.model.DataKeyPairSpec;
import java.util.Arrays;
import javax.security.auth.Destroyable;

/**
 * A data key pair for GenerateDataKeyPair: the public key as DER SubjectPublicKeyInfo and the private key as PKCS#8
 * DER. The engine encrypts the private key under a symmetric KMS key; this class only carries the pair.
 */
public final class DataKeyPair implements Destroyable {

    private final DataKeyPairSpec spec;
    private final byte[] publicKey;
    private final byte[] privateKey;
    private volatile boolean destroyed;

    DataKeyPair(DataKeyPairSpec spec, byte[] publicKey, byte[] privateKey) {
        this.spec = spec;
        this.publicKey = publicKey.clone();
        this.privateKey = privateKey.clone();
    }

    public DataKeyPairSpec spec() {
        return spec;
    }

    /** DER SubjectPublicKeyInfo. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** PKCS#8 PrivateKeyInfo DER (secret): a fresh copy the caller should wipe after use. */
    public byte[] privateKey() {
        if (destroyed) {
            throw new IllegalStateException("Data key pair has been destroyed");
        }
        return privateKey.clone();
    }

    @Override
    public void destroy() {
        destroyed = true;
        Arrays.fill(privateKey, (byte) 0);
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "DataKeyPair[" + spec + ", privateKey=<hidden>" + (destroyed ? ", destroyed" : "") + "]";
    }
}
