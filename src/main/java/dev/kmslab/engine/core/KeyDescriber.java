package dev.kmslab.engine.core;

import dev.kmslab.engine.model.KeyMetadata;
import dev.kmslab.engine.state.EngineState;
import dev.kmslab.engine.state.KeyRecord;

/**
 * DescribeKey's metadata as callers see it: the stored record with the effective key state, the custom key store it
 * lives in and, for a multi-Region key, the configuration gathered from the related Regions. Kept apart from
 * {@link EngineCore} because it is the one part of describing a key that reads other Regions.
 */
public final class KeyDescriber {

    private KeyDescriber() {
    }

    public static KeyMetadata describe(EngineCore core, EngineState state, KeyRecord key) {
        KeyMetadata plain = core.metadata(state, key);
        return MultiRegionKeyIds.isMultiRegion(key.keyId())
                ? plain.withMultiRegionConfiguration(MultiRegionKeys.configuration(core, state, key)) : plain;
    }
}
