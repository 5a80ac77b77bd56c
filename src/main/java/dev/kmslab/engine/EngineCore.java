package dev.kmslab.engine;

import dev.kmslab.engine.crypto.CryptoRandom;
import dev.kmslab.engine.model.KeyManager;
import dev.kmslab.engine.model.KeyMetadata;
import dev.kmslab.engine.model.KeyState;
import dev.kmslab.engine.model.MultiRegionConfiguration;
import dev.kmslab.engine.model.MultiRegionKey;
import dev.kmslab.engine.model.MultiRegionKeyType;
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
    /** The related Regions' engines (this engine alone unless {@link KmsRegions} linked it with others). */
    private volatile RegionPeers peers = new RegionPeers();

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

    RegionPeers peers() {
        return peers;
    }

    void linkPeers(RegionPeers linked) {
        this.peers = linked;
    }

    /** DescribeKey's metadata, with the multi-Region configuration gathered from the related Regions. */
    KeyMetadata describe(EngineState state, KeyRecord key) {
        KeyMetadata plain = metadata(key);
        return MultiRegionKeys.isMultiRegion(key.keyId())
                ? plain.withMultiRegionConfiguration(MultiRegionKeys.configuration(this, state, key)) : plain;
    }

    /** A fresh public identifier for new key material (64 hex digits, like AWS KeyMaterialId). */
    String newKeyMaterialId() {
        return HexFormat.of().formatHex(random.bytes(32));
    }

    /**
     * The metadata a key's own record gives; a multi-Region key is described as a primary without replicas, which is
     * right for a key just created. {@link #describe} fills in the related Regions.
     */
    static KeyMetadata metadata(KeyRecord key) {
        boolean pending = key.keyState() == KeyState.PendingDeletion;
        // A primary waiting for its replicas has a waiting period but no deletion date yet.
        boolean waiting = pending || key.keyState() == KeyState.PendingReplicaDeletion;
        SpecMapping.Algorithms algorithms = SpecMapping.algorithms(key.keySpec(), key.keyUsage());
        KeyVersion current = key.current();
        return new KeyMetadata(key.account(), key.keyId(), key.arn(), key.creationDate(),
                key.keyState() == KeyState.Enabled, key.description() == null ? "" : key.description(),
                key.keyUsage(), key.keyState(), pending ? key.deletionDate() : null,
                waiting ? key.pendingWindowDays() : null, key.origin(), KeyManager.CUSTOMER, key.keySpec(),
                algorithms.encryption(), MultiRegionKeys.isMultiRegion(key.keyId()), current.keyMaterialId(),
                algorithms.signing(), algorithms.mac(), algorithms.keyAgreement(), ImportedMaterials.expirationModel(key),
                ImportedMaterials.validTo(key), MultiRegionKeys.isMultiRegion(key.keyId()) ? new MultiRegionConfiguration(
                        MultiRegionKeyType.PRIMARY, new MultiRegionKey(key.arn(), key.arn().split(":")[3]), List.of())
                        : null);
    }
}
