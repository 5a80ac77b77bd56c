package dev.kmslab.engine;

import dev.kmslab.engine.audit.AuditLog;
import dev.kmslab.engine.authz.AccountRootAuthorizer;
import dev.kmslab.engine.authz.AuthorizationRequest;
import dev.kmslab.engine.authz.Authorizer;
import dev.kmslab.engine.core.Arns;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.DecryptRequest;
import dev.kmslab.engine.model.EncryptRequest;
import dev.kmslab.engine.store.InMemoryKeystoreStorage;
import dev.kmslab.engine.store.KeystoreCorruptException;
import dev.kmslab.engine.store.KeystoreStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/** A fresh engine on a frozen simulated clock, with the account root as caller. */
final class EngineFixture {

    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    static final CallerContext ROOT = CallerContext.root(EngineConfig.DEFAULT_ACCOUNT);
    static final Map<String, String> CONTEXT = Map.of("purpose", "test", "tenant", "acme");

    final SimulatedClock clock = new SimulatedClock(START);
    final AuditLog audit = AuditLog.inMemory();
    /** Lets tests turn the account root's rights off: while set, every request is denied. */
    volatile boolean denyAll;
    final KeystoreStorage storage;
    final KmsEngine engine;

    EngineFixture() {
        this(new InMemoryKeystoreStorage());
    }

    EngineFixture(KeystoreStorage storage) {
        this.storage = storage;
        this.engine = open(storage);
    }

    KmsEngine open(KeystoreStorage withStorage) {
        try {
            AccountRootAuthorizer root = new AccountRootAuthorizer();
            Authorizer switchable = request -> denyAll
                    ? root.authorize(new AuthorizationRequest(CallerContext.of("arn:aws:iam::111122223333:user/x"),
                            request.action(), request.key(), request.account(), request.region(),
                            request.encryptionContext(), request.conditionValues()))
                    : root.authorize(request);
            return KmsEngine.open(EngineConfig.defaults().withClock(clock).withStorage(withStorage)
                    .withAuditLog(audit).withAuthorizer(switchable));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (KeystoreCorruptException e) {
            throw new IllegalStateException(e);
        }
    }

    String newKey() {
        return engine.createKey(ROOT, CreateKeyRequest.symmetric()).keyMetadata().keyId();
    }

    byte[] encrypt(String keyId, String text) {
        return engine.encrypt(ROOT, EncryptRequest.of(keyId, text.getBytes(StandardCharsets.UTF_8), CONTEXT))
                .ciphertextBlob();
    }

    String decrypt(byte[] blob) {
        return new String(engine.decrypt(ROOT, DecryptRequest.of(blob, CONTEXT)).plaintext(), StandardCharsets.UTF_8);
    }

    String arn(String keyId) {
        return Arns.keyArn(EngineConfig.DEFAULT_ACCOUNT, EngineConfig.DEFAULT_REGION, keyId);
    }
}
