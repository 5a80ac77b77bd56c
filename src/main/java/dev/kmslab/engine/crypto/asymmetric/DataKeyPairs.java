package dev.kmslab.engine.crypto.asymmetric;

import dev.kmslab.engine.crypto.asymmetric.spec.KeySpecRules;
import dev.kmslab.engine.model.DataKeyPairSpec;
import java.security.KeyPair;
import java.util.Arrays;

/** Generates data key pairs (GenerateDataKeyPair and GenerateDataKeyPairWithoutPlaintext). */
public final class DataKeyPairs {

    private DataKeyPairs() {
    }

    /**
     * A fresh key pair of the requested spec.
     *
     * @throws dev.kmslab.engine.error.UnsupportedOperationException for SM2 (China Regions only)
     */
    public static DataKeyPair generate(DataKeyPairSpec spec) {
        Requests.required(spec, "keyPairSpec");
        KeySpecRules.requireAvailable(spec.keySpec());
        KeyPair pair = KeyMaterials.generateKeyPair(spec.keySpec());
        byte[] privateKey = pair.getPrivate().getEncoded();
        try {
            return new DataKeyPair(spec, pair.getPublic().getEncoded(), privateKey);
        } finally {
            Arrays.fill(privateKey, (byte) 0);
        }
    }
}
