package dev.kmslab.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine cores of the simulated Regions that share one account, clock and IAM directory, so that a multi-Region key's
 * primary and replicas can find each other. An engine opened on its own is its only peer. Copy-on-write: lookups run
 * on every multi-Region call without locking; engines are added only while {@link KmsRegions} links them.
 */
final class RegionPeers {

    private volatile Map<String, EngineCore> engines = Map.of();
    // Every engine call walks the peers for due work, so the list is built once per change, not once per call.
    private volatile List<EngineCore> all = List.of();

    synchronized void add(EngineCore engine) {
        Map<String, EngineCore> next = new LinkedHashMap<>(engines);
        if (next.putIfAbsent(engine.config.region(), engine) != null) {
            throw new IllegalArgumentException("two engines for " + engine.config.region());
        }
        engines = Collections.unmodifiableMap(next);
        all = List.copyOf(next.values());
    }

    /** The core of {@code region}, or null if that Region is not simulated. */
    EngineCore engine(String region) {
        return engines.get(region);
    }

    /** Every engine, in the order they were linked (the default Region first). */
    List<EngineCore> all() {
        return all;
    }

    List<String> regions() {
        return new ArrayList<>(engines.keySet());
    }
}
