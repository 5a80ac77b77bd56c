package dev.kmslab.engine;

import dev.kmslab.engine.crypto.CryptoRandom;
import dev.kmslab.engine.model.KeyManager;
import dev.kmslab.engine.model.KeyMetadata;
import dev.kmslab.engine.model.KeyState;
import dev.kmslab.engine.state.EngineState;
import dev.kmslab.engine.state.KeyRecord;
import dev.kmslab.engine.state.KeyVersion;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** What the operation groups share: configuration, the state store, the call gate and the random source. */
final class EngineCore {

    final EngineConfig config;
    final StateStore store;
    final CallGate gate;
    final CryptoRandom random;

    EngineCore(EngineConfig config, StateStore store, CallGate gate, CryptoRandom random) {
        this.config = config;
        this.store = store;
        this.gate = gate;
        this.random = random;
    }

    /**
     * The standard prologue of a key-scoped call, in AWS's order: resolve the KeyId (NotFoundException), authorize
     * (AccessDeniedException), then apply the key-state table (DisabledException, KMSInvalidStateException).
     */
    KeyRecord keyFor(Call call, EngineState state, String member, String keyIdParam, KeyIdForms forms,
                     Map<String, String> context, Map<String, String> conditions) {
        KeyRecord key = KeyResolver.resolve(state, member, keyIdParam, forms);
        call.keyArn = key.arn();
        gate.authorize(call, call.operation.action(), state, key, context, conditions);
        KeyStateTable.check(call.operation, key.keyState(), key.arn());
        return key;
    }

    /** A fresh public identifier for new key material (64 hex digits, like AWS KeyMaterialId). */
    String newKeyMaterialId() {
        return HexFormat.of().formatHex(random.bytes(32));
    }

    static KeyMetadata metadata(KeyRecord key) {
        boolean pending = key.keyState() == KeyState.PendingDeletion;
        SpecMapping.Algorithms algorithms = SpecMapping.algorithms(key.keySpec(), key.keyUsage());
        KeyVersion current = key.current();
        return new KeyMetadata(key.account(), key.keyId(), key.arn(), key.creationDate(),
                key.keyState() == KeyState.Enabled, key.description() == null ? "" : key.description(),
                key.keyUsage(), key.keyState(), pending ? key.deletionDate() : null,
                pending ? key.pendingWindowDays() : null, key.origin(), KeyManager.CUSTOMER, key.keySpec(),
                algorithms.encryption(), MultiRegionKeys.isMultiRegion(key.keyId()), current.keyMaterialId(),
                algorithms.signing(), algorithms.mac(), algorithms.keyAgreement(), ImportedMaterials.expirationModel(key),
                ImportedMaterials.validTo(key), MultiRegionKeys.configuration(key));
    }
}
