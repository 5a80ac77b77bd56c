package dev.kmslab.engine;

import static dev.kmslab.engine.EngineFixture.ROOT;

import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyUsage;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One engine per test class with at most one key per spec and usage, created on first use: RSA-4096 key generation
 * is slow, and the round-trip tests only read these keys (tests that change key state make their own fixture).
 */
final class FacadeKeys {

    final EngineFixture fixture = new EngineFixture();
    final KmsEngine engine = fixture.engine;
    private final Map<String, String> keys = new ConcurrentHashMap<>();

    String key(KeySpec spec, KeyUsage usage) {
        return keys.computeIfAbsent(spec + "/" + usage, k -> engine.createKey(ROOT,
                new CreateKeyRequest(spec + " " + usage, usage, spec, null, null)).keyMetadata().keyId());
    }

    String signing(KeySpec spec) {
        return key(spec, KeyUsage.SIGN_VERIFY);
    }

    String encryption(KeySpec spec) {
        return key(spec, KeyUsage.ENCRYPT_DECRYPT);
    }
}
