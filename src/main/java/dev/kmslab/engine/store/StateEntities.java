package dev.kmslab.engine.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kmslab.engine.policy.Grant;
import dev.kmslab.engine.policy.GrantJson;
import dev.kmslab.engine.state.EngineState;
import dev.kmslab.engine.state.KeyRecord;
import dev.kmslab.engine.state.PersistentOrderedMap;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The keystore document ({@link EngineStateCodec}) cut into named entities, so that a change is stored as the few
 * entities it touched rather than as the whole document. Each entity's value is compact UTF-8 JSON, the same JSON the
 * document holds at that place:
 * <pre>
 *   meta             { "account": ..., "region": ... }
 *   k:&lt;key id&gt;       one element of "keys" (with the key's "policy")   in creation order
 *   a:&lt;alias name&gt;   one element of "aliases"
 *   g:&lt;key id&gt;       the key's elements of "grants", as an array         in the order keys first got grants
 *   d:&lt;key id&gt;       one element of "deletedKeyIds" (value: true)
 *   r:&lt;key id&gt;       one element of "replicaKeyIds" (value: true)
 *   principals       "principals"
 *   importTokens     "importTokens"
 *   customKeyStores  "customKeyStores"
 * </pre>
 * Order matters where the document's order does (ListKeys is in creation order): a map of entities keeps the position
 * of an entity that is replaced and appends new ones, which is what the engine's state does with its keys and grants.
 *
 * <p>{@link #changes} compares two snapshots by identity: the state is copy-on-write, so an unchanged key, alias or
 * grant list is the same object in both, and only changed entities are encoded. A part that is a different object
 * with equal content is simply written again, which is harmless.
 */
final class StateEntities {

    static final String META = "meta";
    static final String PRINCIPALS = "principals";
    static final String IMPORT_TOKENS = "importTokens";
    static final String CUSTOM_KEY_STORES = "customKeyStores";
    private static final String KEY = "k:";
    private static final String ALIAS = "a:";
    private static final String GRANTS = "g:";
    private static final String DELETED = "d:";
    private static final String REPLICA = "r:";
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final ObjectMapper JSON = new ObjectMapper();

    private StateEntities() {
    }

    /** A changed entity: its new value, or null when it was removed. */
    record Change(String name, byte[] value) {

        boolean removal() {
            return value == null;
        }

        @Override
        public String toString() {
            return "Change[" + name + (value == null ? " removed" : ", " + value.length + " bytes") + "]";
        }
    }

    /** Every entity of {@code state}, in document order: what a snapshot holds. */
    static List<Change> all(EngineState state) {
        return changes(null, state);
    }

    /** The entities that differ between two snapshots of one keystore ({@code before} null: all of {@code next}). */
    static List<Change> changes(EngineState before, EngineState next) {
        List<Change> out = new ArrayList<>();
        if (before == null || !before.account().equals(next.account()) || !before.region().equals(next.region())) {
            ObjectNode meta = JSON.createObjectNode();
            meta.put("account", next.account());
            meta.put("region", next.region());
            out.add(new Change(META, bytes(meta)));
        }
        keyChanges(before, next, out);
        diff(before == null ? Map.of() : before.aliases(), next.aliases(),
                name -> out.add(new Change(ALIAS + name, bytes(EngineStateCodec.encodeAlias(next.aliases().get(name))))),
                name -> out.add(new Change(ALIAS + name, null)));
        diff(before == null ? Map.of() : before.access().allGrants(), next.access().allGrants(),
                keyId -> out.add(new Change(GRANTS + keyId, grants(next.access().grants(keyId)))),
                keyId -> out.add(new Change(GRANTS + keyId, null)));
        diff(before == null ? Map.of() : asMap(before.deletedKeyIds()), asMap(next.deletedKeyIds()),
                id -> out.add(new Change(DELETED + id, TRUE.clone())), id -> out.add(new Change(DELETED + id, null)));
        diff(before == null ? Map.of() : asMap(before.replicaKeyIds()), asMap(next.replicaKeyIds()),
                id -> out.add(new Change(REPLICA + id, TRUE.clone())), id -> out.add(new Change(REPLICA + id, null)));
        if (before == null || before.access().directory() != next.access().directory()) {
            out.add(new Change(PRINCIPALS, bytes(next.access().directory().toJson())));
        }
        if (before == null || before.importTokens() != next.importTokens()) {
            ArrayNode tokens = JSON.createArrayNode();
            ImportTokenJson.encode(tokens, next.importTokens());
            out.add(new Change(IMPORT_TOKENS, bytes(tokens)));
        }
        if (before == null || before.customKeyStores() != next.customKeyStores()) {
            ObjectNode holder = JSON.createObjectNode();
            CustomKeyStoreCodec.encode(holder, next.customKeyStores());
            out.add(new Change(CUSTOM_KEY_STORES, bytes(holder.get(CUSTOM_KEY_STORES))));
        }
        return out;
    }

    /** A key is written again when its record or its policy changed. */
    private static void keyChanges(EngineState before, EngineState next, List<Change> out) {
        Map<String, KeyRecord> keys = next.keys();
        Set<String> changed = new java.util.LinkedHashSet<>();
        if (before != null && before.keys() instanceof PersistentOrderedMap<KeyRecord> a
                && keys instanceof PersistentOrderedMap<KeyRecord> b) {
            PersistentOrderedMap.diff(a, b, changed::add, id -> out.add(new Change(KEY + id, null)));
        } else {
            diff(before == null ? Map.of() : before.keys(), keys, changed::add,
                    id -> out.add(new Change(KEY + id, null)));
        }
        diff(before == null ? Map.of() : before.access().keyPolicies(), next.access().keyPolicies(), changed::add,
                changed::add);
        for (String id : changed) {
            KeyRecord key = keys.get(id);
            if (key != null) {
                out.add(new Change(KEY + id, bytes(EngineStateCodec.encodeKey(key, next.access()))));
            }
        }
    }

    /**
     * Reports the names whose value in {@code b} is not the same object as in {@code a} (added or replaced) and the
     * names of {@code a} missing from {@code b}. Both maps are walked side by side, which costs a few nanoseconds per
     * unchanged entry: {@code b} is normally {@code a} copied with a few entries replaced, added or removed, so the
     * two orders agree. Where they do not, the general comparison with lookups takes over.
     */
    static <V> void diff(Map<String, ? extends V> a, Map<String, ? extends V> b, Consumer<String> changed,
                         Consumer<String> removed) {
        if (a == b) {
            return;
        }
        List<String> changes = new ArrayList<>();
        List<String> removals = new ArrayList<>();
        if (!walkSideBySide(a, b, changes, removals)) {
            changes.clear();
            removals.clear();
            b.forEach((name, value) -> {
                if (a.get(name) != value) {
                    changes.add(name);
                }
            });
            a.keySet().forEach(name -> {
                if (!b.containsKey(name)) {
                    removals.add(name);
                }
            });
        }
        removals.forEach(removed);
        changes.forEach(changed);
    }

    private static <V> boolean walkSideBySide(Map<String, ? extends V> a, Map<String, ? extends V> b,
                                              List<String> changes, List<String> removals) {
        Iterator<? extends Map.Entry<String, ? extends V>> ia = a.entrySet().iterator();
        Iterator<? extends Map.Entry<String, ? extends V>> ib = b.entrySet().iterator();
        Map.Entry<String, ? extends V> ea = ia.hasNext() ? ia.next() : null;
        Map.Entry<String, ? extends V> eb = ib.hasNext() ? ib.next() : null;
        while (ea != null && eb != null) {
            if (ea.getKey().equals(eb.getKey())) {
                if (ea.getValue() != eb.getValue()) {
                    changes.add(eb.getKey());
                }
                ea = ia.hasNext() ? ia.next() : null;
                eb = ib.hasNext() ? ib.next() : null;
            } else if (!b.containsKey(ea.getKey())) {
                removals.add(ea.getKey());
                ea = ia.hasNext() ? ia.next() : null;
            } else if (!a.containsKey(eb.getKey())) {
                changes.add(eb.getKey());
                eb = ib.hasNext() ? ib.next() : null;
            } else {
                return false;
            }
        }
        for (; ea != null; ea = ia.hasNext() ? ia.next() : null) {
            if (!b.containsKey(ea.getKey())) {
                removals.add(ea.getKey());
            }
        }
        for (; eb != null; eb = ib.hasNext() ? ib.next() : null) {
            if (a.get(eb.getKey()) != eb.getValue()) {
                changes.add(eb.getKey());
            }
        }
        return true;
    }

    /** A set as a map whose values are all the same object, so that only membership is compared. */
    private static Map<String, Boolean> asMap(Set<String> set) {
        return new SetAsMap(set);
    }

    /** Applies a change to a map of entities: a replaced entity keeps its position, a new one goes last. */
    static void apply(Map<String, byte[]> entities, Change change) {
        if (change.removal()) {
            entities.remove(change.name());
        } else {
            entities.put(change.name(), change.value());
        }
    }

    /** The keystore document made of these entities (as {@link EngineStateCodec#decode} reads it). */
    static byte[] document(Map<String, byte[]> entities) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", EngineStateCodec.FORMAT);
        root.put("version", EngineStateCodec.VERSION);
        byte[] meta = entities.get(META);
        if (meta == null) {
            throw new IOException("the journal names no account and Region");
        }
        JsonNode metaNode = JSON.readTree(meta);
        root.set("account", metaNode.get("account"));
        root.set("region", metaNode.get("region"));
        ArrayNode keys = root.putArray("keys");
        ArrayNode aliases = root.putArray("aliases");
        ArrayNode deleted = root.putArray("deletedKeyIds");
        ArrayNode grants = root.putArray("grants");
        ArrayNode replicas = JSON.createArrayNode();
        for (Map.Entry<String, byte[]> e : entities.entrySet()) {
            String name = e.getKey();
            if (name.startsWith(KEY)) {
                keys.add(JSON.readTree(e.getValue()));
            } else if (name.startsWith(ALIAS)) {
                aliases.add(JSON.readTree(e.getValue()));
            } else if (name.startsWith(GRANTS)) {
                JSON.readTree(e.getValue()).forEach(grants::add);
            } else if (name.startsWith(DELETED)) {
                deleted.add(name.substring(DELETED.length()));
            } else if (name.startsWith(REPLICA)) {
                replicas.add(name.substring(REPLICA.length()));
            }
        }
        for (String single : List.of(PRINCIPALS, IMPORT_TOKENS, CUSTOM_KEY_STORES)) {
            byte[] value = entities.get(single);
            if (value != null) {
                root.set(single, JSON.readTree(value));
            }
        }
        if (!replicas.isEmpty()) {
            root.set("replicaKeyIds", replicas);
        }
        return JSON.writeValueAsBytes(root);
    }

    /**
     * The entities of a whole keystore document (from the old single-file keystore, or a document handed to
     * {@code save}), in document order.
     */
    static Map<String, byte[]> split(byte[] document) throws IOException {
        JsonNode root = JSON.readTree(document);
        if (root == null || !root.isObject() || !EngineStateCodec.FORMAT.equals(root.path("format").asText())) {
            throw new IOException("not a " + EngineStateCodec.FORMAT + " document");
        }
        Map<String, byte[]> entities = new LinkedHashMap<>();
        ObjectNode meta = JSON.createObjectNode();
        meta.set("account", root.get("account"));
        meta.set("region", root.get("region"));
        entities.put(META, bytes(meta));
        for (JsonNode key : root.path("keys")) {
            entities.put(KEY + key.path("keyId").asText(), bytes(key));
        }
        for (JsonNode alias : root.path("aliases")) {
            entities.put(ALIAS + alias.path("aliasName").asText(), bytes(alias));
        }
        Map<String, ArrayNode> grantsByKey = new LinkedHashMap<>();
        for (JsonNode grant : root.path("grants")) {
            grantsByKey.computeIfAbsent(grant.path("keyId").asText(), k -> JSON.createArrayNode()).add(grant);
        }
        grantsByKey.forEach((keyId, list) -> entities.put(GRANTS + keyId, bytes(list)));
        root.path("deletedKeyIds").forEach(id -> entities.put(DELETED + id.asText(), TRUE.clone()));
        root.path("replicaKeyIds").forEach(id -> entities.put(REPLICA + id.asText(), TRUE.clone()));
        for (String single : List.of(PRINCIPALS, IMPORT_TOKENS, CUSTOM_KEY_STORES)) {
            JsonNode value = root.get(single);
            if (value != null && !value.isNull()) {
                entities.put(single, bytes(value));
            }
        }
        return entities;
    }

    private static byte[] grants(List<Grant> grants) {
        ArrayNode array = JSON.createArrayNode();
        grants.forEach(g -> array.add(GrantJson.toJson(g)));
        return bytes(array);
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException("could not serialise a keystore entity", e);
        }
    }

    /** A read-only view of a set as a map to {@code TRUE}; lookups go to the set. */
    private static final class SetAsMap extends java.util.AbstractMap<String, Boolean> {
        private final Set<String> set;

        SetAsMap(Set<String> set) {
            this.set = set;
        }

        @Override
        public boolean containsKey(Object key) {
            return set.contains(key);
        }

        @Override
        public Boolean get(Object key) {
            return set.contains(key) ? Boolean.TRUE : null;
        }

        @Override
        public Set<Map.Entry<String, Boolean>> entrySet() {
            return new java.util.AbstractSet<>() {
                @Override
                public Iterator<Map.Entry<String, Boolean>> iterator() {
                    Iterator<String> names = set.iterator();
                    return new Iterator<>() {
                        @Override
                        public boolean hasNext() {
                            return names.hasNext();
                        }

                        @Override
                        public Map.Entry<String, Boolean> next() {
                            return Map.entry(names.next(), Boolean.TRUE);
                        }
                    };
                }

                @Override
                public int size() {
                    return set.size();
                }
            };
        }
    }
}
