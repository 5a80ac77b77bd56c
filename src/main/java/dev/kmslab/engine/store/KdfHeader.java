package dev.kmslab.engine.store;

import java.util.Arrays;

/**
 * How the master key of a sealed keystore is obtained, as recorded (and authenticated) in the file header. A key file
 * needs no parameters; a passphrase records its Argon2id cost and salt so the same key can be derived again later.
 */
public sealed interface KdfHeader permits KdfHeader.KeyFile, KdfHeader.Argon2id {

    /** The {@code kdf.type} value in the file. */
    String type();

    /** The master key is 32 random bytes kept in a separate file. */
    record KeyFile() implements KdfHeader {
        public static final String TYPE = "key-file";

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** The master key is Argon2id(passphrase, salt) with these costs. */
    record Argon2id(Argon2Parameters parameters, byte[] salt) implements KdfHeader {
        public static final String TYPE = "argon2id";
        public static final int MIN_SALT_BYTES = 16;
        public static final int MAX_SALT_BYTES = 64;

        public Argon2id {
            if (parameters == null) {
                throw new IllegalArgumentException("Argon2id parameters are required");
            }
            if (salt == null || salt.length < MIN_SALT_BYTES || salt.length > MAX_SALT_BYTES) {
                throw new IllegalArgumentException("Argon2id salt must be " + MIN_SALT_BYTES + " to "
                        + MAX_SALT_BYTES + " bytes");
            }
            salt = salt.clone();
        }

        @Override
        public byte[] salt() {
            return salt.clone();
        }

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Argon2id that && parameters.equals(that.parameters)
                    && Arrays.equals(salt, that.salt);
        }

        @Override
        public int hashCode() {
            return 31 * parameters.hashCode() + Arrays.hashCode(salt);
        }

        @Override
        public String toString() {
            return "Argon2id[" + parameters + ", salt=" + salt.length + " bytes]";
        }
    }
}
