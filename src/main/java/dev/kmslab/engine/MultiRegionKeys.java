package dev.kmslab.engine;

import dev.kmslab.engine.crypto.CryptoRandom;
import dev.kmslab.engine.model.MultiRegionConfiguration;
import dev.kmslab.engine.model.MultiRegionKey;
import dev.kmslab.engine.model.MultiRegionKeyType;
import dev.kmslab.engine.state.KeyRecord;
import java.util.HexFormat;
import java.util.List;

/**
 * Multi-Region key identity. A multi-Region key id is {@code mrk-} followed by 32 hex digits, and the prefix is what
 * marks a key as multi-Region (AWS uses the same rule, so no separate flag is stored). The engine simulates one
 * Region, so every multi-Region key it holds is a primary with no replicas yet.
 */
final class MultiRegionKeys {

    static final String PREFIX = "mrk-";

    private MultiRegionKeys() {
    }

    static String newKeyId(CryptoRandom random) {
        return PREFIX + HexFormat.of().formatHex(random.bytes(16));
    }

    static boolean isMultiRegion(String keyId) {
        return keyId.startsWith(PREFIX);
    }

    /** DescribeKey's MultiRegionConfiguration, or null for a single-Region key. */
    static MultiRegionConfiguration configuration(KeyRecord key) {
        if (!isMultiRegion(key.keyId())) {
            return null;
        }
        String region = key.arn().split(":")[3];
        return new MultiRegionConfiguration(MultiRegionKeyType.PRIMARY, new MultiRegionKey(key.arn(), region),
                List.of());
    }
}
