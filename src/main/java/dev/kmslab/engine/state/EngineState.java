package dev.kmslab.engine.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Immutable snapshot of the whole keystore. Mutations build a new snapshot (copy-on-write); readers on the hot path
 * take the current one without locking. Derived lookups (aliases per key, the next scheduled event) are computed once
 * per snapshot so that calls need not scan.
 */
public final class EngineState {

    private final String account;
    private final String region;
    private final PersistentOrderedMap<KeyRecord> keys;
    private final Map<String, AliasRecord> aliases;
    private final Set<String> deletedKeyIds;
    private final AccessControl access;
    private final ImportTokens importTokens;
    private final CustomKeyStores customKeyStores;
    private final Map<String, List<String>> aliasesByKey;
    private final Instant nextEventAt;
    private final Set<String> replicaKeyIds;

    /**
     * @param keys          key id to key, in creation order (the ListKeys order)
     * @param aliases       alias name to alias (kept sorted by name)
     * @param deletedKeyIds ids of keys whose deletion completed, so their ciphertexts report NotFoundException
     */
    public EngineState(String account, String region, Map<String, KeyRecord> keys, Map<String, AliasRecord> aliases,
                       Set<String> deletedKeyIds) {
        this(account, region, keys, aliases, deletedKeyIds, AccessControl.empty(account));
    }

    /** @param access key policies, grants and the IAM directory */
    public EngineState(String account, String region, Map<String, KeyRecord> keys, Map<String, AliasRecord> aliases,
                       Set<String> deletedKeyIds, AccessControl access) {
        this(account, region, keys, aliases, deletedKeyIds, access, ImportTokens.none(), Set.of(),
                CustomKeyStores.empty());
    }

    /** @param customKeyStores the custom key stores and which keys they hold */
    public EngineState(String account, String region, Map<String, KeyRecord> keys, Map<String, AliasRecord> aliases,
                       Set<String> deletedKeyIds, AccessControl access, CustomKeyStores customKeyStores) {
        this(account, region, keys, aliases, deletedKeyIds, access, ImportTokens.none(), Set.of(), customKeyStores);
    }

    /**
     * @param importTokens  outstanding GetParametersForImport answers, with their wrapping private keys
     * @param replicaKeyIds the multi-Region keys of this Region that are replicas; every other {@code mrk-} key here
     *                      is a primary. Only the role is kept: the related Regions are found by asking them.
     */
    public EngineState(String account, String region, Map<String, KeyRecord> keys, Map<String, AliasRecord> aliases,
                       Set<String> deletedKeyIds, AccessControl access, ImportTokens importTokens,
                       Set<String> replicaKeyIds) {
        this(account, region, keys, aliases, deletedKeyIds, access, importTokens, replicaKeyIds,
                CustomKeyStores.empty());
    }

    /** The whole snapshot; the shorter constructors leave the newer parts empty. */
    public EngineState(String account, String region, Map<String, KeyRecord> keys, Map<String, AliasRecord> aliases,
                       Set<String> deletedKeyIds, AccessControl access, ImportTokens importTokens,
                       Set<String> replicaKeyIds, CustomKeyStores customKeyStores) {
        this.replicaKeyIds = Collections.unmodifiableSet(new LinkedHashSet<>(replicaKeyIds));
        this.access = access;
        this.importTokens = importTokens;
        this.customKeyStores = customKeyStores;
        this.account = account;
        this.region = region;
        this.keys = PersistentOrderedMap.copyOf(keys);
        this.aliases = Collections.unmodifiableMap(new TreeMap<>(aliases));
        this.deletedKeyIds = Collections.unmodifiableSet(new LinkedHashSet<>(deletedKeyIds));
        Map<String, List<String>> byKey = new HashMap<>();
        for (AliasRecord alias : this.aliases.values()) {
            byKey.computeIfAbsent(alias.targetKeyId(), k -> new ArrayList<>()).add(alias.aliasName());
        }
        byKey.replaceAll((k, v) -> List.copyOf(v));
        this.aliasesByKey = byKey;
        this.nextEventAt = earliestEvent(this.keys);
    }

    /**
     * {@code base} with other keys: every other part is shared, not copied, so a change to one key costs O(log n)
     * whatever the number of keys (the keystore journal relies on it to keep CreateKey flat at 10,000 keys).
     */
    private EngineState(EngineState base, PersistentOrderedMap<KeyRecord> keys, Instant nextEventAt) {
        this.account = base.account;
        this.region = base.region;
        this.keys = keys;
        this.aliases = base.aliases;
        this.deletedKeyIds = base.deletedKeyIds;
        this.access = base.access;
        this.importTokens = base.importTokens;
        this.customKeyStores = base.customKeyStores;
        this.aliasesByKey = base.aliasesByKey;
        this.nextEventAt = nextEventAt;
        this.replicaKeyIds = base.replicaKeyIds;
    }

    public static EngineState empty(String account, String region) {
        return new EngineState(account, region, Map.of(), Map.of(), Set.of());
    }

    public String account() {
        return account;
    }

    public String region() {
        return region;
    }

    public Map<String, KeyRecord> keys() {
        return keys;
    }

    public Map<String, AliasRecord> aliases() {
        return aliases;
    }

    public Set<String> deletedKeyIds() {
        return deletedKeyIds;
    }

    /** Key policies, grants and the IAM directory of this snapshot. */
    public AccessControl access() {
        return access;
    }

    public EngineState withAccess(AccessControl newAccess) {
        return new EngineState(account, region, keys, aliases, deletedKeyIds, newAccess, importTokens, replicaKeyIds,
                customKeyStores);
    }

    /** Import tokens handed out by GetParametersForImport and not yet forgotten. */
    public ImportTokens importTokens() {
        return importTokens;
    }

    public EngineState withImportTokens(ImportTokens tokens) {
        return new EngineState(account, region, keys, aliases, deletedKeyIds, access, tokens, replicaKeyIds,
                customKeyStores);
    }

    /** Multi-Region keys held here as replicas (the others with an {@code mrk-} id are primaries). */
    public Set<String> replicaKeyIds() {
        return replicaKeyIds;
    }

    public boolean isReplica(String keyId) {
        return replicaKeyIds.contains(keyId);
    }

    /** Marks a multi-Region key of this Region as a replica ({@code true}) or as the primary ({@code false}). */
    public EngineState withReplicaRole(String keyId, boolean replica) {
        Set<String> next = new LinkedHashSet<>(replicaKeyIds);
        if (replica) {
            next.add(keyId);
        } else {
            next.remove(keyId);
        }
        return new EngineState(account, region, keys, aliases, deletedKeyIds, access, importTokens, next,
                customKeyStores);
    }

    /** The custom key stores of this snapshot and the keys they hold. */
    public CustomKeyStores customKeyStores() {
        return customKeyStores;
    }

    public EngineState withCustomKeyStores(CustomKeyStores stores) {
        return new EngineState(account, region, keys, aliases, deletedKeyIds, access, importTokens, replicaKeyIds,
                stores);
    }

    /** The earliest due automatic rotation or deletion, or null; lets every call check for due work cheaply. */
    public Instant nextEventAt() {
        return nextEventAt;
    }

    /** Alias names pointing at {@code keyId}, sorted. */
    public List<String> aliasesOf(String keyId) {
        return aliasesByKey.getOrDefault(keyId, List.of());
    }

    public EngineState withKey(KeyRecord key) {
        PersistentOrderedMap<KeyRecord> next = keys.with(key.keyId(), key);
        KeyRecord old = keys.get(key.keyId());
        Instant oldDue = old == null ? null : ScheduledEvents.dueAt(old);
        Instant newDue = ScheduledEvents.dueAt(key);
        Instant earliest;
        if (oldDue != null && oldDue.equals(nextEventAt) && !oldDue.equals(newDue)) {
            earliest = earliestEvent(next); // the key that was due first moved: look again
        } else {
            earliest = newDue == null || nextEventAt != null && !newDue.isBefore(nextEventAt) ? nextEventAt : newDue;
        }
        return new EngineState(this, next, earliest);
    }

    /** Removes a key for good, with every alias pointing at it, its policy and grants, and remembers its id. */
    public EngineState withoutKey(String keyId) {
        Map<String, KeyRecord> nextKeys = keys.without(keyId);
        Map<String, AliasRecord> nextAliases = new TreeMap<>(aliases);
        nextAliases.values().removeIf(a -> a.targetKeyId().equals(keyId));
        Set<String> deleted = new LinkedHashSet<>(deletedKeyIds);
        deleted.add(keyId);
        Set<String> replicas = new LinkedHashSet<>(replicaKeyIds);
        replicas.remove(keyId);
        return new EngineState(account, region, nextKeys, nextAliases, deleted, access.withoutKey(keyId), importTokens,
                replicas, customKeyStores.withoutKey(keyId));
    }

    public EngineState withAlias(AliasRecord alias) {
        Map<String, AliasRecord> next = new TreeMap<>(aliases);
        next.put(alias.aliasName(), alias);
        return new EngineState(account, region, keys, next, deletedKeyIds, access, importTokens, replicaKeyIds,
                customKeyStores);
    }

    public EngineState withoutAlias(String aliasName) {
        Map<String, AliasRecord> next = new TreeMap<>(aliases);
        next.remove(aliasName);
        return new EngineState(account, region, keys, next, deletedKeyIds, access, importTokens, replicaKeyIds,
                customKeyStores);
    }

    private static Instant earliestEvent(Map<String, KeyRecord> keys) {
        Instant earliest = null;
        for (KeyRecord key : keys.values()) {
            Instant due = ScheduledEvents.dueAt(key);
            if (due != null && (earliest == null || due.isBefore(earliest))) {
                earliest = due;
            }
        }
        return earliest;
    }

    @Override
    public String toString() {
        return "EngineState[" + account + "/" + region + ", keys=" + keys.size() + ", aliases=" + aliases.size() + "]";
    }
}
