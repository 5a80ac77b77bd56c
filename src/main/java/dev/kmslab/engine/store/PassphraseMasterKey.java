package dev.kmslab.engine.store;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters.Builder;

/**
 * A master key derived from a passphrase with Argon2id (Bouncy Castle; the JDK has no memory-hard KDF). The cost
 * parameters and a random salt are stored in the keystore header, so a file sealed with one cost setting still opens
 * after the defaults change. Holds a copy of the passphrase until {@link #close()} zeroes it.
 */
public final class PassphraseMasterKey implements MasterKeySource {

    public static final int SALT_BYTES = 16;

    private final char[] passphrase;
    private final Argon2Parameters parameters;

    /** @param parameters the cost used for newly sealed keystores; existing ones use the cost in their header */
    public PassphraseMasterKey(char[] passphrase, Argon2Parameters parameters) {
        if (passphrase == null || passphrase.length == 0) {
            throw new IllegalArgumentException("The passphrase must not be empty");
        }
        this.passphrase = passphrase.clone();
        this.parameters = parameters;
    }

    public PassphraseMasterKey(char[] passphrase) {
        this(passphrase, Argon2Parameters.DEFAULT);
    }

    @Override
    public KdfHeader newHeader(SecureRandom random) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new KdfHeader.Argon2id(parameters, salt);
    }

    @Override
    public byte[] masterKey(KdfHeader header, Path keystore, boolean create) throws KeystoreLockedException {
        if (!(header instanceof KdfHeader.Argon2id argon)) {
            throw new KeystoreLockedException(KeystoreLockedException.Reason.KEY_FILE_REQUIRED, keystore,
                    "The keystore " + keystore + " is protected by a master key file, not a passphrase");
        }
        return derive(passphrase, argon.parameters(), argon.salt());
    }

    /** Argon2id v1.3, 32-byte output, no secret or associated data; the passphrase is encoded as UTF-8. */
    static byte[] derive(char[] passphrase, Argon2Parameters cost, byte[] salt) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Builder(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_id)
                .withVersion(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(cost.memoryKiB())
                .withIterations(cost.iterations())
                .withParallelism(cost.parallelism())
                .withSalt(salt)
                .build());
        byte[] key = new byte[KEY_BYTES];
        generator.generateBytes(passphrase, key);
        return key;
    }

    /** Zeroes the stored passphrase; the source cannot derive keys afterwards. */
    @Override
    public void close() {
        Arrays.fill(passphrase, '\0');
    }

    @Override
    public String toString() {
        return "PassphraseMasterKey[" + parameters + "]";
    }
}
