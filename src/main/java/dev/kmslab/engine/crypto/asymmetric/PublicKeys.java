package dev.kmslab.engine.crypto.asymmetric;

import dev.kmslab.engine.crypto.AsymmetricKeyMaterial;
import dev.kmslab.engine.crypto.KeyMaterial;
import dev.kmslab.engine.crypto.asymmetric.spec.KeySpecRules;
import dev.kmslab.engine.error.UnsupportedOperationException;
import dev.kmslab.engine.model.KeyUsage;

/** GetPublicKey: the public half of an asymmetric KMS key, with its spec, usage and algorithms. */
public final class PublicKeys {

    private PublicKeys() {
    }

    /** @throws UnsupportedOperationException for HMAC keys, which have no public key */
    public static PublicKeyInfo getPublicKey(KeyMaterial key, KeyUsage usage) {
        Requests.required(key, "keyId");
        Requests.required(usage, "keyUsage");
        if (!(key instanceof AsymmetricKeyMaterial material)) {
            throw new UnsupportedOperationException("GetPublicKey is supported only on asymmetric KMS keys; this key "
                    + "has KeySpec " + Requests.specOf(key) + ".");
        }
        return new PublicKeyInfo(material.publicKeyDer(), material.spec(), usage,
                KeySpecRules.algorithms(material.spec(), usage));
    }
}
