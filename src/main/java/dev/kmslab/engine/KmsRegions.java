package dev.kmslab.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kmslab.engine.cks.TokenFactory;
import dev.kmslab.engine.core.EngineCore;
import dev.kmslab.engine.core.MultiRegionKeyIds;
import dev.kmslab.engine.core.MultiRegionKeys;
import dev.kmslab.engine.core.RegionPeers;
import dev.kmslab.engine.model.KeyState;
import dev.kmslab.engine.policy.PrincipalDirectory;
import dev.kmslab.engine.state.AccessControl;
import dev.kmslab.engine.state.EngineState;
import dev.kmslab.engine.state.KeyRecord;
import dev.kmslab.engine.store.InMemoryKeystoreStorage;
import dev.kmslab.engine.store.KeystoreCorruptException;
import dev.kmslab.engine.store.KeystoreStorage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Several simulated Regions of one account: one {@link KmsEngine} per Region, sharing the clock, the authorizer, the
 * audit log (each event names its Region) and the IAM directory, each with its own keystore. Multi-Region keys
 * replicate between them ({@link KmsEngine#replicateKey}), and time travel in any Region moves them all.
 *
 * <p>Each Region keeps its own keystore document, so the single keystore of earlier versions simply becomes the
 * default Region's (see {@link #keystoreFileName}) and nothing needs migrating.
 */
public final class KmsRegions {

    /** The Regions the Key Lab offers, the default first. */
    public static final List<String> LAB_REGIONS = List.of("us-east-1", "us-west-2", "eu-west-1", "ap-southeast-2");

    private final Map<String, KmsEngine> engines;
    private final String defaultRegion;

    private KmsRegions(List<KmsEngine> linked, String defaultRegion) {
        Map<String, KmsEngine> byRegion = new LinkedHashMap<>();
        for (KmsEngine engine : linked) {
            byRegion.put(engine.region(), engine);
        }
        this.engines = Collections.unmodifiableMap(byRegion);
        this.defaultRegion = defaultRegion;
    }

    /** The default Region keeps {@code keystore.json}; every other Region has {@code keystore-<region>.json}. */
    public static String keystoreFileName(String region, String defaultRegion) {
        return region.equals(defaultRegion) ? "keystore.json" : "keystore-" + region + ".json";
    }

    /** Opens one engine per Region from {@code base} (its Region is the default and must be listed). */
    public static KmsRegions open(EngineConfig base, List<String> regions, Function<String, KeystoreStorage> storage)
            throws IOException, KeystoreCorruptException {
        return open(base, regions, storage, TokenFactory.pkcs11());
    }

    /** As {@link #open(EngineConfig, List, Function)}, with custom key store tokens made by {@code tokens}. */
    public static KmsRegions open(EngineConfig base, List<String> regions, Function<String, KeystoreStorage> storage,
                                  TokenFactory tokens) throws IOException, KeystoreCorruptException {
        if (!regions.contains(base.region())) {
            throw new IllegalArgumentException("the default Region " + base.region() + " must be one of " + regions);
        }
        List<KmsEngine> engines = new ArrayList<>();
        engines.add(KmsEngine.open(base.withStorage(storage.apply(base.region())), tokens));
        for (String region : regions) {
            if (!region.equals(base.region())) {
                engines.add(KmsEngine.open(base.withAccountAndRegion(base.account(), region)
                        .withStorage(storage.apply(region)), tokens));
            }
        }
        return link(engines);
    }

    /** The Key Lab's Regions in memory, built from {@code base} (its storage is ignored). */
    public static KmsRegions inMemory(EngineConfig base) {
        try {
            return open(base, LAB_REGIONS, region -> new InMemoryKeystoreStorage());
        } catch (IOException | KeystoreCorruptException e) {
            throw new IllegalStateException("empty in-memory keystores cannot fail to load", e);
        }
    }

    /**
     * Links engines opened separately (one per Region, one account, one clock); the first is the default Region.
     * The default Region's IAM directory becomes every Region's, and work that could not cross Regions while they
     * were apart is done now: replicas catch up with their primary's rotations, and a primary waiting for replicas
     * that are all gone starts its waiting period.
     */
    public static KmsRegions link(List<KmsEngine> engines) {
        if (engines.isEmpty()) {
            throw new IllegalArgumentException("at least one Region is needed");
        }
        KmsEngine first = engines.get(0);
        RegionPeers<EngineCore> peers = new RegionPeers<>(EngineCore::region);
        for (KmsEngine engine : engines) {
            if (!engine.account().equals(first.account()) || engine.config().clock() != first.config().clock()) {
                throw new IllegalArgumentException("linked Regions need one account and one clock: "
                        + engine.region());
            }
            peers.add(engine.core());
        }
        for (KmsEngine engine : engines) {
            engine.core().linkPeers(peers);
            engine.linkEngines(engines);
        }
        shareIam(engines);
        KmsRegions regions = new KmsRegions(engines, first.region());
        regions.reconcile(first.now());
        return regions;
    }

    /**
     * The Regions {@code engine} is already linked with (just itself if it was opened alone), with its Region as
     * the default; links nothing new.
     */
    public static KmsRegions around(KmsEngine engine) {
        return new KmsRegions(engine.linked(), engine.region());
    }

    /**
     * Every Region takes one directory: the default Region's, unless it holds only the account root while another
     * Region holds more (the default keystore was locked or moved aside this session, so it started empty).
     */
    private static void shareIam(List<KmsEngine> engines) {
        JsonNode bare = AccessControl.empty(engines.get(0).account()).directory().toJson();
        PrincipalDirectory shared = engines.get(0).principals().publishedDirectory();
        for (KmsEngine engine : engines) {
            PrincipalDirectory candidate = engine.principals().publishedDirectory();
            if (!candidate.toJson().equals(bare)) {
                shared = candidate;
                break;
            }
        }
        for (KmsEngine engine : engines) {
            if (!engine.principals().publishedDirectory().toJson().equals(shared.toJson())) {
                engine.principals().adopt(shared);
            }
            engine.principals().onChange(directory -> {
                for (KmsEngine other : engines) {
                    if (other != engine) {
                        other.principals().adopt(directory);
                    }
                }
            });
        }
    }

    private void reconcile(Instant now) {
        for (KmsEngine engine : engines.values()) {
            EngineState state = engine.core().store.current();
            for (KeyRecord key : state.keys().values()) {
                if (!MultiRegionKeyIds.isMultiRegion(key.keyId()) || state.isReplica(key.keyId())) {
                    continue;
                }
                MultiRegionKeys.syncReplicas(engine.core(), key.keyId());
                if (key.keyState() == KeyState.PendingReplicaDeletion) {
                    MultiRegionKeys.replicaDeleted(engine.core(), key.keyId(), now);
                }
            }
        }
        defaultEngine().applyDueEverywhere(now);
    }

    /** The engine of {@code region}. */
    public KmsEngine engine(String region) {
        KmsEngine engine = engines.get(region);
        if (engine == null) {
            throw new IllegalArgumentException("not a simulated Region: " + region + "; simulated: " + regions());
        }
        return engine;
    }

    public boolean simulates(String region) {
        return engines.containsKey(region);
    }

    public KmsEngine defaultEngine() {
        return engine(defaultRegion);
    }

    public String defaultRegion() {
        return defaultRegion;
    }

    /** The simulated Regions, the default first. */
    public List<String> regions() {
        return new ArrayList<>(engines.keySet());
    }

    /** Every Region's engine, the default first. */
    public List<KmsEngine> engines() {
        return List.copyOf(engines.values());
    }
}
