package dev.kmslab.engine;

import dev.kmslab.engine.audit.AuditLog;
import dev.kmslab.engine.cks.FakeHsm;
import dev.kmslab.engine.cks.TokenFactory;
import dev.kmslab.engine.cks.TokenSettings;
import dev.kmslab.engine.crypto.pkcs11.SlotSelector;
import dev.kmslab.engine.model.ConnectCustomKeyStoreRequest;
import dev.kmslab.engine.model.CreateCustomKeyStoreRequest;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.CustomKeyStoresListEntry;
import dev.kmslab.engine.model.DescribeCustomKeyStoresRequest;
import dev.kmslab.engine.model.DescribeKeyRequest;
import dev.kmslab.engine.model.DisconnectCustomKeyStoreRequest;
import dev.kmslab.engine.model.KeyMetadata;
import dev.kmslab.engine.store.InMemoryKeystoreStorage;
import dev.kmslab.engine.store.KeystoreCorruptException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * An engine whose custom key stores run on a {@link FakeHsm} (PIN {@link #PIN}), on a frozen simulated clock, with
 * helpers for the common steps. {@link #restart()} opens a second engine on the same storage and the same simulated
 * token, as a process restart would.
 */
final class CustomKeyStoreFixture {

    static final String PIN = "1234";
    static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    static final CallerContext ROOT = CallerContext.root(EngineConfig.DEFAULT_ACCOUNT);
    static final Path MODULE = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    static final TokenSettings TOKEN = new TokenSettings(MODULE, new SlotSelector.TokenLabel("kmslab"));

    final SimulatedClock clock = new SimulatedClock(START);
    final AuditLog audit = AuditLog.inMemory();
    final InMemoryKeystoreStorage storage = new InMemoryKeystoreStorage();
    final FakeHsm hsm = new FakeHsm(PIN);
    KmsEngine engine = open(hsm);

    KmsEngine open(TokenFactory tokens) {
        try {
            return KmsEngine.open(EngineConfig.defaults().withClock(clock).withStorage(storage).withAuditLog(audit),
                    tokens);
        } catch (IOException | KeystoreCorruptException e) {
            throw new IllegalStateException(e);
        }
    }

    KmsEngine restart() {
        engine = open(hsm);
        return engine;
    }

    CustomKeyStoreService stores() {
        return engine.customKeyStores();
    }

    static CreateCustomKeyStoreRequest request(String name, String tokenLabel, String pin) {
        return new CreateCustomKeyStoreRequest(name, MODULE, null, null, tokenLabel, pin.toCharArray());
    }

    String createStore(String name) {
        return stores().createCustomKeyStore(ROOT, request(name, "kmslab", PIN)).customKeyStoreId();
    }

    String connectedStore() {
        String id = createStore("lab-hsm");
        connect(id);
        return id;
    }

    void connect(String id) {
        stores().connectCustomKeyStore(ROOT, new ConnectCustomKeyStoreRequest(id));
    }

    void disconnect(String id) {
        stores().disconnectCustomKeyStore(ROOT, new DisconnectCustomKeyStoreRequest(id));
    }

    CustomKeyStoresListEntry describe(String id) {
        return stores().describeCustomKeyStores(ROOT, DescribeCustomKeyStoresRequest.byId(id)).customKeyStores()
                .get(0);
    }

    String newKeyIn(String storeId) {
        return engine.createKey(ROOT, CreateKeyRequest.inCustomKeyStore(storeId, "in the token")).keyMetadata()
                .keyId();
    }

    KeyMetadata describeKey(String keyId) {
        return engine.describeKey(ROOT, new DescribeKeyRequest(keyId)).keyMetadata();
    }
}
