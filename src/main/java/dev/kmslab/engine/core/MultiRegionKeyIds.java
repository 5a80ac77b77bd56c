package dev.kmslab.engine.core;

import dev.kmslab.engine.crypto.CryptoRandom;
import java.util.HexFormat;

/**
 * A multi-Region key id is {@code mrk-} followed by 32 hex digits, and the prefix alone marks a key as multi-Region
 * (AWS uses the same rule). Apart from {@link MultiRegionKeys} because describing any key asks it, and that must not
 * depend on the related Regions.
 */
public final class MultiRegionKeyIds {

    public static final String PREFIX = "mrk-";

    private MultiRegionKeyIds() {
    }

    public static String newKeyId(CryptoRandom random) {
        return PREFIX + HexFormat.of().formatHex(random.bytes(16));
    }

    public static boolean isMultiRegion(String keyId) {
        return keyId.startsWith(PREFIX);
    }
}
