package dev.kmslab.engine.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Shared set-up for the sealed keystore tests: cheap Argon2 costs and a fixed clock. */
final class StoreFixtures {

    static final Argon2Parameters CHEAP = new Argon2Parameters(8, 1, 1);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:15:30Z"), ZoneOffset.UTC);
    static final byte[] DOCUMENT = "{\"keys\":[{\"id\":\"k1\",\"material\":\"c2VjcmV0LWtleS1tYXRlcmlhbA==\"}]}"
            .getBytes(StandardCharsets.UTF_8);

    private StoreFixtures() {
    }

    static SealedFileStorage keyFileStorage(Path dir) {
        return SealedFileStorage.withKeyFile(dir, CLOCK);
    }

    static SealedFileStorage passphraseStorage(Path dir, String passphrase) {
        return SealedFileStorage.withPassphrase(dir, passphrase.toCharArray(), CHEAP, CLOCK);
    }

    static SealedFileStorage storage(Path dir, MasterKeySource source, SealedFileStorage.FileWriter writer) {
        return new SealedFileStorage(dir.resolve(SealedFileStorage.DEFAULT_FILE_NAME), source, CLOCK,
                new SecureRandom(), writer);
    }
}
