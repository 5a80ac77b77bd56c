package dev.kmslab.engine.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The engine cores ({@code C}) of the simulated Regions that share one account, clock and IAM directory, so that a multi-Region key's
 * primary and replicas can find each other. An engine opened on its own is its only peer. Copy-on-write: lookups run
 * on every multi-Region call without locking; engines are added only while {@link KmsRegions} links them.
 */
public final class RegionPeers<C> {

    private final Function<C, String> regionOf;

    private volatile Map<String, C> engines = Map.of();
    // Every engine call walks the peers for due work, so the list is built once per change, not once per call.
    private volatile List<C> all = List.of();

    public RegionPeers(Function<C, String> regionOf) {
        this.regionOf = regionOf;
    }

    public synchronized void add(C engine) {
        Map<String, C> next = new LinkedHashMap<>(engines);
        if (next.putIfAbsent(regionOf.apply(engine), engine) != null) {
            throw new IllegalArgumentException("two engines for " + regionOf.apply(engine));
        }
        engines = Collections.unmodifiableMap(next);
        all = List.copyOf(next.values());
    }

    /** The core of {@code region}, or null if that Region is not simulated. */
    public C engine(String region) {
        return engines.get(region);
    }

    /** Every engine, in the order they were linked (the default Region first). */
    public List<C> all() {
        return all;
    }

    public List<String> regions() {
        return new ArrayList<>(engines.keySet());
    }
}
