package dev.kmslab.engine.crypto.asymmetric;

import dev.kmslab.engine.crypto.AsymmetricKeyMaterial;
import dev.kmslab.engine.crypto.HmacKeyMaterial;
import dev.kmslab.engine.crypto.KeyMaterial;
import dev.kmslab.engine.error.InvalidKeyUsageException;
import dev.kmslab.engine.error.ValidationException;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyUsage;

/** Request checks shared by the operations, with messages worded like the AWS service's. */
final class Requests {

    private Requests() {
    }

    static <T> T required(T value, String member) {
        if (value == null) {
            throw new ValidationException("1 validation error detected: Value null at '" + member
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return value;
    }

    /** Length check as the AWS API model states it (e.g. Message 1 to 4096 bytes). */
    static byte[] length(byte[] value, String member, int min, int max) {
        required(value, member);
        if (value.length < min) {
            throw new ValidationException("1 validation error detected: Value at '" + member
                    + "' failed to satisfy constraint: Member must have length greater than or equal to " + min);
        }
        if (value.length > max) {
            throw new ValidationException("1 validation error detected: Value at '" + member
                    + "' failed to satisfy constraint: Member must have length less than or equal to " + max);
        }
        return value;
    }

    static void usage(KeyUsage actual, KeyUsage required, String operation) {
        required(actual, "keyUsage");
        if (actual != required) {
            throw new InvalidKeyUsageException("The KMS key has KeyUsage " + actual + ", which is not valid for "
                    + operation + ". " + operation + " requires a key with KeyUsage " + required + ".");
        }
    }

    static AsymmetricKeyMaterial asymmetric(KeyMaterial key, String operation) {
        required(key, "keyId");
        if (key instanceof AsymmetricKeyMaterial pair) {
            return pair;
        }
        throw new InvalidKeyUsageException("KeySpec " + specOf(key) + " is not valid for " + operation
                + ". " + operation + " requires an asymmetric KMS key.");
    }

    /** The key spec of material of any kind, for messages: AES material is a SYMMETRIC_DEFAULT key's. */
    static KeySpec specOf(KeyMaterial key) {
        if (key instanceof AsymmetricKeyMaterial pair) {
            return pair.spec();
        }
        if (key instanceof HmacKeyMaterial hmac) {
            return hmac.spec();
        }
        return KeySpec.SYMMETRIC_DEFAULT;
    }

    static InvalidKeyUsageException incompatible(String kind, Object algorithm, Object spec) {
        return new InvalidKeyUsageException("The " + kind + " algorithm " + algorithm
                + " is not compatible with KMS keys with KeySpec " + spec + ".");
    }
}
