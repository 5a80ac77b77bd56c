package dev.kmslab.study.labs;

import dev.kmslab.engine.EngineConfig;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.KmsRegions;
import dev.kmslab.engine.SimulatedClock;
import dev.kmslab.engine.audit.AuditEvent;
import dev.kmslab.engine.audit.AuditLog;
import dev.kmslab.engine.cks.FakeHsm;
import dev.kmslab.engine.error.KmsException;
import dev.kmslab.engine.store.InMemoryKeystoreStorage;
import dev.kmslab.engine.store.KeystoreCorruptException;
import java.io.IOException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A lab's own engines: every simulated Region in memory, on a simulated clock of their own, with an audit log of
 * their own and a simulated HSM for custom key stores — never the learner's keystore. Built from the lab's starting
 * state; to reset a lab, build a new sandbox. Operations ({@link #run}) and checks ({@link #check}) refer to keys,
 * grants, stores and saved outputs by the names the lab gave them.
 */
public final class LabSandbox implements AutoCloseable {

    private final Lab lab;
    private final KmsRegions regions;
    private final SimulatedClock clock;
    private final AuditLog audit;
    private final Map<String, String> keyIds = new ConcurrentHashMap<>();
    private final Map<String, byte[]> saved = new ConcurrentHashMap<>();
    private final Map<String, LabOperations.GrantHandle> grants = new ConcurrentHashMap<>();
    private final Map<String, String> storeIds = new ConcurrentHashMap<>();
    private final LabOperations operations;
    private final java.util.Set<String> checkerEvents = ConcurrentHashMap.newKeySet();

    private LabSandbox(Lab lab) {
        this.lab = lab;
        this.clock = new SimulatedClock(lab.start().clock());
        this.audit = AuditLog.inMemory();
        EngineConfig base = EngineConfig.defaults().withClock(clock).withAuditLog(audit)
                .withGrantPropagationDelay(lab.start().grantPropagation());
        try {
            this.regions = KmsRegions.open(base, KmsRegions.LAB_REGIONS, r -> new InMemoryKeystoreStorage(),
                    new FakeHsm(FakeHsm.DEMO_PIN));
        } catch (IOException | KeystoreCorruptException e) {
            throw new IllegalStateException("empty in-memory keystores cannot fail to load", e);
        }
        this.operations = new LabOperations(this);
    }

    /**
     * Builds the sandbox and runs the starting state's operations in order.
     *
     * @throws LabSetupException when one of them fails (a lab authoring error), naming it
     */
    public static LabSandbox start(Lab lab) {
        LabSandbox sandbox = new LabSandbox(lab);
        List<LabOperation> ops = lab.start().operations();
        for (int i = 0; i < ops.size(); i++) {
            try {
                sandbox.run(ops.get(i));
            } catch (RuntimeException e) {
                sandbox.close();
                throw new LabSetupException("Lab " + lab.id() + ": starting state operation " + (i + 1) + " ("
                        + ops.get(i).describe() + ") failed: " + message(e), e);
            }
        }
        return sandbox;
    }

    static String message(Throwable e) {
        return e instanceof KmsException k ? k.getClass().getSimpleName() + ": " + k.getMessage()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /**
     * Runs one operation. An operation with {@code expectError} must fail with that error code (the failure is
     * then part of the lab's history, in the audit log); without it, a failure is thrown.
     *
     * @return a short account of what happened, for the solution view
     */
    public String run(LabOperation op) {
        return operations.run(op);
    }

    /** Runs every check against the current state; a check never throws, it fails with a reason. */
    public List<CheckResult> check() {
        return new LabChecker(this).runAll(lab.checks());
    }

    /** Runs the reference solution's operations, stopping at the first that fails (thrown). */
    public void runSolution() {
        for (LabOperation op : lab.solution().operations()) {
            run(op);
        }
    }

    public Lab lab() {
        return lab;
    }

    /** Every Region's engine, for the Key Lab to open. */
    public KmsRegions regions() {
        return regions;
    }

    public KmsEngine engine() {
        return regions.defaultEngine();
    }

    public KmsEngine engine(Optional<String> region) {
        return region.map(regions::engine).orElse(regions.defaultEngine());
    }

    public String account() {
        return engine().account();
    }

    public SimulatedClock clock() {
        return clock;
    }

    public AuditLog auditLog() {
        return audit;
    }

    /** The key id behind a lab key name ({@code alias/...} passes through, as the engine resolves aliases). */
    public String keyId(String nameOrAlias) {
        if (nameOrAlias.startsWith("alias/")) {
            return nameOrAlias;
        }
        String id = keyIds.get(nameOrAlias);
        if (id == null) {
            throw new IllegalArgumentException("the lab has no key named " + nameOrAlias + " (yet)");
        }
        return id;
    }

    public Optional<String> findKeyId(String name) {
        return Optional.ofNullable(keyIds.get(name));
    }

    /** Lab key names and their key ids, in creation order — shown beside the scenario. */
    public Map<String, String> keys() {
        return Map.copyOf(keyIds);
    }

    public String keyArn(String name, String region) {
        String id = keyId(name);
        return "arn:aws:kms:" + region + ":" + account() + ":key/" + id;
    }

    /** A saved output (ciphertext, signature, MAC), by the name the lab gave it. */
    public Optional<byte[]> saved(String name) {
        return Optional.ofNullable(saved.get(name)).map(byte[]::clone);
    }

    /** Saved outputs in Base64, for a learner to copy into the Key Lab. */
    public Map<String, String> savedBase64() {
        Map<String, String> out = new LinkedHashMap<>();
        saved.keySet().stream().sorted().forEach(k -> out.put(k, Base64.getEncoder().encodeToString(saved.get(k))));
        return out;
    }

    /** Key material the lab hands out (hex), by name. */
    public Optional<byte[]> material(String name) {
        return Optional.ofNullable(lab.start().materials().get(name)).map(h -> HexFormat.of().parseHex(h));
    }

    /** Policy text as the learner would type it here: placeholders resolved for the default Region. */
    public String resolve(String text) {
        return substitute(text, engine().region());
    }

    /** {@code ${account}}, {@code ${region}} and {@code ${key:name}} in policy text, resolved. */
    String substitute(String text, String region) {
        String out = text.replace("${account}", account()).replace("${region}", region);
        int at;
        while ((at = out.indexOf("${key:")) >= 0) {
            int end = out.indexOf('}', at);
            String name = out.substring(at + 6, end);
            out = out.substring(0, at) + keyArn(name, region) + out.substring(end + 1);
        }
        return out;
    }

    void rememberKey(String name, String keyId) {
        keyIds.put(name, keyId);
    }

    void save(String name, byte[] value) {
        saved.put(name, value.clone());
    }

    void rememberGrant(String name, LabOperations.GrantHandle grant) {
        grants.put(name, grant);
    }

    Optional<LabOperations.GrantHandle> grant(String name) {
        return Optional.ofNullable(grants.get(name));
    }

    void rememberStore(String name, String id) {
        storeIds.put(name, id);
    }

    Optional<String> storeId(String name) {
        return Optional.ofNullable(storeIds.get(name));
    }

    /** The audit log without the events "Check my work" left there (the checker's own reads and Decrypts). */
    public List<AuditEvent> learnerEvents() {
        List<AuditEvent> all = audit.all();
        List<AuditEvent> out = new java.util.ArrayList<>();
        for (AuditEvent e : all) {
            if (!checkerEvents.contains(e.eventId())) {
                out.add(e);
            }
        }
        return out;
    }

    /** Marks events as the checker's, so that audit checks never count them. */
    void ignoreEvents(java.util.Collection<String> eventIds) {
        checkerEvents.addAll(eventIds);
    }

    /** Ends the simulated HSM sessions; the engines are in memory and simply dropped. */
    @Override
    public void close() {
        for (String r : regions.regions()) {
            regions.engine(r).customKeyStores().closeConnections();
        }
    }
}
