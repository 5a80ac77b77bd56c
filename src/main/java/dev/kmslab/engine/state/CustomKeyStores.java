package dev.kmslab.engine.state;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The custom key stores of a keystore snapshot and which KMS keys live in which store. Immutable; the {@code with}
 * methods return a changed copy.
 *
 * @param stores     store id to store, in creation order (the DescribeCustomKeyStores order)
 * @param keyStoreOf key id to the id of the store holding its key material
 */
public record CustomKeyStores(Map<String, CustomKeyStoreRecord> stores, Map<String, String> keyStoreOf) {

    private static final CustomKeyStores EMPTY = new CustomKeyStores(Map.of(), Map.of());

    public CustomKeyStores {
        stores = Collections.unmodifiableMap(new LinkedHashMap<>(stores));
        keyStoreOf = Collections.unmodifiableMap(new LinkedHashMap<>(keyStoreOf));
    }

    public static CustomKeyStores empty() {
        return EMPTY;
    }

    public Optional<CustomKeyStoreRecord> byId(String id) {
        return Optional.ofNullable(stores.get(id));
    }

    public Optional<CustomKeyStoreRecord> byName(String name) {
        return stores.values().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The store holding {@code keyId}'s key material, or empty for keys outside custom key stores. */
    public Optional<String> storeOf(String keyId) {
        return Optional.ofNullable(keyStoreOf.get(keyId));
    }

    /** Ids of the KMS keys in store {@code storeId}, in creation order. */
    public List<String> keysIn(String storeId) {
        List<String> keys = new ArrayList<>();
        keyStoreOf.forEach((key, store) -> {
            if (store.equals(storeId)) {
                keys.add(key);
            }
        });
        return keys;
    }

    public CustomKeyStores withStore(CustomKeyStoreRecord store) {
        Map<String, CustomKeyStoreRecord> next = new LinkedHashMap<>(stores);
        next.put(store.id(), store);
        return new CustomKeyStores(next, keyStoreOf);
    }

    public CustomKeyStores withoutStore(String storeId) {
        Map<String, CustomKeyStoreRecord> next = new LinkedHashMap<>(stores);
        next.remove(storeId);
        return new CustomKeyStores(next, keyStoreOf);
    }

    public CustomKeyStores withKey(String keyId, String storeId) {
        Map<String, String> next = new LinkedHashMap<>(keyStoreOf);
        next.put(keyId, storeId);
        return new CustomKeyStores(stores, next);
    }

    public CustomKeyStores withoutKey(String keyId) {
        if (!keyStoreOf.containsKey(keyId)) {
            return this;
        }
        Map<String, String> next = new LinkedHashMap<>(keyStoreOf);
        next.remove(keyId);
        return new CustomKeyStores(stores, next);
    }
}
