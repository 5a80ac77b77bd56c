package dev.kmslab.engine.crypto.asymmetric;

import dev.kmslab.engine.crypto.asymmetric.spec.KeyAlgorithms;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyUsage;

/** What GetPublicKey returns besides the key id: the DER SubjectPublicKeyInfo and how the key may be used. */
public record PublicKeyInfo(byte[] publicKey, KeySpec keySpec, KeyUsage keyUsage, KeyAlgorithms algorithms) {

    public PublicKeyInfo {
        publicKey = publicKey.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The public key as a PEM block ({@code -----BEGIN PUBLIC KEY-----}), ready for OpenSSL. */
    public String pem() {
        return Pem.encode(Pem.PUBLIC_KEY, publicKey);
    }
}
