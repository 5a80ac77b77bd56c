package dev.kmslab.engine.core;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.EngineConfig;
import dev.kmslab.engine.KmsOperation;
import dev.kmslab.engine.ScheduledEvent;
import dev.kmslab.engine.cks.TokenFactory;
import dev.kmslab.engine.crypto.CryptoRandom;
import dev.kmslab.engine.crypto.asymmetric.spec.KeyAlgorithms;
import dev.kmslab.engine.crypto.asymmetric.spec.KeySpecRules;
import dev.kmslab.engine.model.KeyManager;
import dev.kmslab.engine.model.KeyMetadata;
import dev.kmslab.engine.model.KeyState;
import dev.kmslab.engine.model.MultiRegionConfiguration;
import dev.kmslab.engine.model.MultiRegionKey;
import dev.kmslab.engine.model.MultiRegionKeyType;
import dev.kmslab.engine.model.OriginType;
import dev.kmslab.engine.state.CustomKeyStoreRecord;
import dev.kmslab.engine.state.EngineState;
import dev.kmslab.engine.state.KeyRecord;
import dev.kmslab.engine.state.KeyVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the operation groups share: configuration, the state store, the call gate, the random source and the live
 * connections of the custom key stores.
 */
public final class EngineCore {

    public final EngineConfig config;
    public final StateStore store;
    public final CallGate gate;
    public final CryptoRandom random;
    /** The related Regions' engines (this engine alone unless {@link KmsRegions} linked it with others). */
    private volatile RegionPeers<EngineCore> peers = new RegionPeers<>(EngineCore::region);
    public final KeyStoreConnections keyStores;
    /** This Region's scheduled work, set once by the engine that owns this core (see {@link RegionTime}). */
    private volatile DueWork work;

    public EngineCore(EngineConfig config, StateStore store, CallGate gate, CryptoRandom random) {
        this(config, store, gate, random, new KeyStoreConnections(TokenFactory.pkcs11()));
    }

    public EngineCore(EngineConfig config, StateStore store, CallGate gate, CryptoRandom random,
               KeyStoreConnections keyStores) {
        this.config = config;
        this.store = store;
        this.gate = gate;
        this.random = random;
        this.keyStores = keyStores;
    }

    /**
     * The standard prologue of a key-scoped call, in AWS's order: resolve the KeyId (NotFoundException), authorize
     * (AccessDeniedException), then apply the key-state table (DisabledException, KMSInvalidStateException).
     */
    public KeyRecord keyFor(Call call, EngineState state, String member, String keyIdParam, KeyIdForms forms,
                     Map<String, String> context, Map<String, String> conditions) {
        KeyRecord key = KeyResolver.resolve(state, member, keyIdParam, forms);
        call.keyArn = key.arn();
        gate.authorize(call, call.operation.action(), state, key, context, conditions);
        checkState(call, state, key);
        return key;
    }

    public DueWork work() {
        return work;
    }

    public void attachWork(DueWork scheduled) {
        this.work = scheduled;
    }

    public String region() {
        return config.region();
    }

    /** Applies due work in every linked Region until none is left (see {@link RegionTime}). */
    public List<ScheduledEvent> applyDueEverywhere(Instant upTo) {
        List<EngineCore> all = peers.all();
        if (all.size() == 1) {
            return all.get(0).work.applyDue(upTo); // the common case, on every call: no allocation
        }
        return RegionTime.applyDue(dueWorkEverywhere(), upTo);
    }

    /** The scheduled work of every linked Region, in link order. */
    public List<DueWork> dueWorkEverywhere() {
        List<DueWork> out = new ArrayList<>();
        for (EngineCore peer : peers.all()) {
            out.add(peer.work);
        }
        return out;
    }

    /**
     * The pipeline every operation goes through: apply the work that fell due in every linked Region, then audit,
     * authorize and run {@code body} through the call gate.
     */
    public <T> T run(KmsOperation op, CallerContext caller, Map<String, Object> params, Function<Call, T> body) {
        Instant now = config.clock().now();
        applyDueEverywhere(now);
        return gate.run(op, caller, now, params, body);
    }

    public RegionPeers<EngineCore> peers() {
        return peers;
    }

    public void linkPeers(RegionPeers<EngineCore> linked) {
        this.peers = linked;
    }

    /** Applies the key-state table to the key's state as callers see it (see {@link #effectiveState}). */
    public void checkState(Call call, EngineState state, KeyRecord key) {
        KeyStateTable.check(call.operation, effectiveState(state, key), key.arn());
    }

    /**
     * The key state callers see: a key in a custom key store that is not CONNECTED is Unavailable, unless it is
     * pending deletion (AWS keeps that state so the deletion can be cancelled without reconnecting). The stored
     * state is kept, so reconnecting restores Enabled or Disabled.
     */
    public KeyState effectiveState(EngineState state, KeyRecord key) {
        if (key.origin() != OriginType.AWS_CLOUDHSM || key.keyState() == KeyState.PendingDeletion) {
            return key.keyState();
        }
        String storeId = state.customKeyStores().storeOf(key.keyId()).orElse(null);
        return storeId != null && keyStores.connected(storeId) ? key.keyState() : KeyState.Unavailable;
    }

    /** DescribeKey's metadata with the key state callers see and, for custom key store keys, the store ids. */
    public KeyMetadata metadata(EngineState state, KeyRecord key) {
        KeyMetadata plain = metadata(key);
        Optional<CustomKeyStoreRecord> store = state.customKeyStores().storeOf(key.keyId())
                .flatMap(id -> state.customKeyStores().byId(id));
        KeyState shown = effectiveState(state, key);
        if (store.isEmpty() && shown == key.keyState()) {
            return plain;
        }
        return new KeyMetadata(plain.awsAccountId(), plain.keyId(), plain.arn(), plain.creationDate(),
                shown == KeyState.Enabled, plain.description(), plain.keyUsage(), shown, plain.deletionDate(),
                plain.pendingDeletionWindowInDays(), plain.origin(), plain.keyManager(), plain.keySpec(),
                plain.encryptionAlgorithms(), plain.multiRegion(), plain.currentKeyMaterialId(),
                plain.signingAlgorithms(), plain.macAlgorithms(), plain.keyAgreementAlgorithms(),
                plain.expirationModel(), plain.validTo(), plain.multiRegionConfiguration(),
                store.map(CustomKeyStoreRecord::id).orElse(null),
                store.map(CustomKeyStoreRecord::cloudHsmClusterId).orElse(null));
    }

    /** A fresh public identifier for new key material (64 hex digits, like AWS KeyMaterialId). */
    public String newKeyMaterialId() {
        return HexFormat.of().formatHex(random.bytes(32));
    }

    /**
     * Metadata from the stored record alone: a multi-Region key is described as a primary without replicas, and a
     * custom key store key without its store. {@link #describe} gives what callers see.
     */
    public static KeyMetadata metadata(KeyRecord key) {
        boolean pending = key.keyState() == KeyState.PendingDeletion;
        // A primary waiting for its replicas has a waiting period but no deletion date yet.
        boolean waiting = pending || key.keyState() == KeyState.PendingReplicaDeletion;
        KeyAlgorithms algorithms = KeySpecRules.algorithms(key.keySpec(), key.keyUsage());
        KeyVersion current = key.current();
        return new KeyMetadata(key.account(), key.keyId(), key.arn(), key.creationDate(),
                key.keyState() == KeyState.Enabled, key.description() == null ? "" : key.description(),
                key.keyUsage(), key.keyState(), pending ? key.deletionDate() : null,
                waiting ? key.pendingWindowDays() : null, key.origin(), KeyManager.CUSTOMER, key.keySpec(),
                algorithms.encryption(), MultiRegionKeyIds.isMultiRegion(key.keyId()), current.keyMaterialId(),
                algorithms.signing(), algorithms.mac(), algorithms.keyAgreement(), ImportedMaterials.expirationModel(key),
                ImportedMaterials.validTo(key), MultiRegionKeyIds.isMultiRegion(key.keyId()) ? new MultiRegionConfiguration(
                        MultiRegionKeyType.PRIMARY, new MultiRegionKey(key.arn(), key.arn().split(":")[3]), List.of())
                        : null);
    }
}
