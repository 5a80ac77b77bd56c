package dev.kmslab.engine.keyuse;

import dev.kmslab.engine.error.InvalidKeyUsageException;
import dev.kmslab.engine.model.EncryptionAlgorithmSpec;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyUsage;
import dev.kmslab.engine.state.KeyRecord;
import java.util.LinkedHashMap;
import java.util.Map;

/** Checks and policy condition values that several cryptographic operations share (data key pairs, RSA, AES). */
public final class KeyUseRules {

    private KeyUseRules() {
    }

    public static void checkSymmetric(KeyRecord key, EncryptionAlgorithmSpec algorithm) {
        if (key.keyUsage() == KeyUsage.ENCRYPT_DECRYPT && key.keySpec() != KeySpec.SYMMETRIC_DEFAULT) {
            throw new InvalidKeyUsageException(key.arn() + " is an asymmetric " + key.keySpec()
                    + " key; this operation requires a symmetric encryption key (SYMMETRIC_DEFAULT).");
        }
        if (key.keyUsage() != KeyUsage.ENCRYPT_DECRYPT) {
            throw new InvalidKeyUsageException(key.arn() + " key usage is " + key.keyUsage()
                    + " which is not valid for this operation.");
        }
        if (algorithm != null && algorithm != EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT) {
            throw new InvalidKeyUsageException(key.arn() + " does not support encryption algorithm " + algorithm
                    + "; symmetric encryption keys use SYMMETRIC_DEFAULT.");
        }
    }

    /** The condition values of the request plus kms:RequestAlias when the key was named by an alias. */
    public static Map<String, String> conditions(String keyIdParam, Map<String, String> extra) {
        Map<String, String> all = new LinkedHashMap<>(extra);
        if (keyIdParam != null && (keyIdParam.startsWith("alias/") || keyIdParam.contains(":alias/"))) {
            all.put("kms:RequestAlias", keyIdParam.substring(keyIdParam.indexOf("alias/")));
        }
        return Map.copyOf(all);
    }
}
