package dev.kmslab.engine.model;

import java.util.List;

/**
 * DescribeKey's MultiRegionConfiguration: whether this key is the primary or a replica, the primary key, and the
 * replica keys. Null in the metadata of single-Region keys.
 */
public record MultiRegionConfiguration(MultiRegionKeyType multiRegionKeyType, MultiRegionKey primaryKey,
                                       List<MultiRegionKey> replicaKeys) {

    public MultiRegionConfiguration {
        replicaKeys = List.copyOf(replicaKeys);
    }
}
