package dev.kmslab.engine.model;

/**
 * DescribeCustomKeyStores: every store, or only the one with this id or this name (a name or id that matches no
 * store gives CustomKeyStoreNotFoundException). {@code limit} 1..1000, default 100.
 */
public record DescribeCustomKeyStoresRequest(String customKeyStoreId, String customKeyStoreName, Integer limit,
                                             String marker) {

    public static DescribeCustomKeyStoresRequest all() {
        return new DescribeCustomKeyStoresRequest(null, null, null, null);
    }

    public static DescribeCustomKeyStoresRequest byId(String id) {
        return new DescribeCustomKeyStoresRequest(id, null, null, null);
    }

    public static DescribeCustomKeyStoresRequest byName(String name) {
        return new DescribeCustomKeyStoresRequest(null, name, null, null);
    }
}
