package dev.kmslab.engine.keyuse;

import dev.kmslab.engine.core.KeyIdForms;
import dev.kmslab.engine.core.KeyResolver;
import dev.kmslab.engine.crypto.asymmetric.RsaEncryption;
import dev.kmslab.engine.error.KmsException;
import dev.kmslab.engine.model.EncryptionAlgorithmSpec;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.state.EngineState;
import dev.kmslab.engine.state.KeyRecord;
import java.util.Map;

/**
 * Encrypt, Decrypt and ReEncrypt with asymmetric keys. Unlike symmetric ciphertext, the result is the raw RSAES-OAEP
 * output (exactly what AWS returns, so it can be produced or consumed with the public key outside KMS); it names no
 * key, which is why Decrypt needs KeyId and the algorithm for these keys. A missing EncryptionAlgorithm means
 * SYMMETRIC_DEFAULT, which an RSA key refuses with InvalidKeyUsageException.
 */
public final class RsaKeyCrypto {

    private RsaKeyCrypto() {
    }

    /**
     * The key {@code keyIdParam} names if it is an asymmetric key, else null (including when it names nothing: the
     * symmetric path then reports that with its usual errors and in its usual order).
     */
    public static KeyRecord peek(EngineState state, String keyIdParam) {
        if (keyIdParam == null) {
            return null;
        }
        try {
            KeyRecord key = KeyResolver.resolve(state, "keyId", keyIdParam, KeyIdForms.KEY_OR_ALIAS);
            return isAsymmetric(key) ? key : null;
        } catch (KmsException e) {
            return null;
        }
    }

    public static boolean isAsymmetric(KeyRecord key) {
        return key.keySpec() != KeySpec.SYMMETRIC_DEFAULT;
    }

    public static byte[] encrypt(KeyRecord key, EncryptionAlgorithmSpec algorithm, byte[] plaintext) {
        return RsaEncryption.encrypt(key.current().material(), key.keyUsage(), orDefault(algorithm),
                plaintext);
    }

    public static byte[] decrypt(KeyRecord key, EncryptionAlgorithmSpec algorithm, byte[] ciphertext) {
        return RsaEncryption.decrypt(key.current().material(), key.keyUsage(), orDefault(algorithm),
                ciphertext);
    }

    public static Map<String, String> conditions(String keyIdParam, EncryptionAlgorithmSpec algorithm) {
        return KeyUseRules.conditions(keyIdParam,
                Map.of("kms:EncryptionAlgorithm", orDefault(algorithm).name()));
    }

    private static EncryptionAlgorithmSpec orDefault(EncryptionAlgorithmSpec algorithm) {
        return algorithm == null ? EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT : algorithm;
    }
}
