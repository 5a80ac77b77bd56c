package dev.kmslab.engine.model;

import java.util.List;

public record DescribeCustomKeyStoresResult(List<CustomKeyStoresListEntry> customKeyStores, String nextMarker,
                                            boolean truncated) {

    public DescribeCustomKeyStoresResult {
        customKeyStores = List.copyOf(customKeyStores);
    }
}
