package dev.kmslab.ui.keylab.common;

import dev.kmslab.engine.EngineConfig;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.KmsRegions;
import dev.kmslab.engine.LabAccounts;
import dev.kmslab.engine.SimulatedClock;
import dev.kmslab.engine.audit.AuditLog;
import dev.kmslab.engine.cks.FakeHsm;
import dev.kmslab.engine.cks.TokenFactory;
import dev.kmslab.engine.store.FileMasterKey;
import dev.kmslab.engine.store.InMemoryKeystoreStorage;
import dev.kmslab.engine.store.KeystoreCorruptException;
import dev.kmslab.engine.store.KeystoreLockedException;
import dev.kmslab.engine.store.JournalFileStorage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Opens the Key Lab's engines from the data directory, one per simulated Region ({@link KmsRegions#LAB_REGIONS}):
 * each Region's keystore sealed under {@code master.key} (the default Region keeps {@code keystore.json}, so a
 * keystore from before Regions simply opens as us-east-1), one audit trail in {@code audit.jsonl}, and one simulated
 * clock for time travel. Whatever goes wrong, the lab still opens; the learner is told what happened in plain words,
 * per Region. The second lab account (Partner) opens beside it with its own keystores, sharing the clock, the audit
 * trail and IAM ({@link LabAccounts}). Pure Java (no toolkit), so it runs on a worker thread and in tests.
 */
public final class LabEngineOpener {

    public static final String AUDIT_FILE = "audit.jsonl";
    /**
     * Custom key stores use a real PKCS#11 token where the module library exists (SoftHSM2, a real HSM) and a
     * simulated one (PIN {@link FakeHsm#DEMO_PIN}, keys lost when the app closes) where it does not.
     */
    private static final TokenFactory TOKENS = TokenFactory.realOrSimulated(new FakeHsm(FakeHsm.DEMO_PIN));

    private LabEngineOpener() {
    }

    /** The default Region's engine, every Region, what to close with them, and the notices to show. */
    public record Opened(KmsEngine engine, List<String> notices, AutoCloseable resources, KmsRegions regions,
                         LabAccounts accounts) {

        /** One account's Regions. */
        public Opened(KmsEngine engine, List<String> notices, AutoCloseable resources, KmsRegions regions) {
            this(engine, notices, resources, regions, null);
        }

        /** A single engine, linked as the only Region (tests and callers that know one engine). */
        public Opened(KmsEngine engine, List<String> notices, AutoCloseable resources) {
            this(engine, notices, resources, KmsRegions.around(engine));
        }
    }

    public static Opened open(Path dataDir, SimulatedClock clock, Clock fileClock) {
        List<String> notices = new ArrayList<>();
        AuditLog audit = openAudit(dataDir, notices);
        EngineConfig base = EngineConfig.defaults().withClock(clock).withAuditLog(audit);
        List<KmsEngine> engines = new ArrayList<>();
        List<JournalFileStorage> storages = new ArrayList<>();
        for (String region : KmsRegions.LAB_REGIONS) {
            JournalFileStorage storage = JournalFileStorage.withKeyFile(dataDir,
                    KmsRegions.keystoreFileName(region, base.region()), fileClock);
            storages.add(storage);
            String prefix = region.equals(base.region()) ? "" : "[" + region + "] ";
            List<String> regionNotices = new ArrayList<>();
            engines.add(openRegion(base.withAccountAndRegion(base.account(), region).withStorage(storage),
                    regionNotices));
            regionNotices.addAll(storage.notices());
            regionNotices.forEach(n -> notices.add(prefix + n));
        }
        permissionProblem(dataDir).ifPresent(notices::add);
        KmsRegions regions = KmsRegions.link(engines);
        // The second account (Partner) has keystores of its own beside the home account's.
        EngineConfig partnerBase = base.withAccountAndRegion(LabAccounts.PARTNER_ACCOUNT, base.region());
        List<KmsEngine> partnerEngines = new ArrayList<>();
        for (String region : KmsRegions.LAB_REGIONS) {
            JournalFileStorage storage = JournalFileStorage.withKeyFile(dataDir, LabAccounts.keystoreFileName(
                    partnerBase.account(), region, base.account(), base.region()), fileClock);
            storages.add(storage);
            List<String> regionNotices = new ArrayList<>();
            partnerEngines.add(openRegion(partnerBase.withAccountAndRegion(partnerBase.account(), region)
                    .withStorage(storage), regionNotices));
            regionNotices.addAll(storage.notices());
            regionNotices.forEach(n -> notices.add("[Partner " + region + "] " + n));
        }
        LabAccounts accounts = LabAccounts.link(List.of(regions, KmsRegions.link(partnerEngines)));
        return new Opened(regions.defaultEngine(), List.copyOf(notices), () -> {
            accounts.all().forEach(each -> each.engines().forEach(e -> e.customKeyStores().closeConnections()));
            audit.close();
            storages.forEach(JournalFileStorage::close);
        }, regions, accounts);
    }

    private static KmsEngine openRegion(EngineConfig config, List<String> notices) {
        try {
            return KmsEngine.open(config, TOKENS);
        } catch (KeystoreLockedException e) {
            // The locked file must survive untouched, so this session keeps its keys in memory only.
            notices.add("The Key Lab keystore could not be unlocked (" + e.getMessage() + "). The file was left as it "
                    + "is; the lab starts with an empty keystore that is not saved this session.");
            return openInMemory(config);
        } catch (KeystoreCorruptException e) {
            notices.add("The Key Lab keystore was damaged and has been moved aside"
                    + (e.movedTo() == null ? "" : " to " + e.movedTo().getFileName()) + "; the lab starts with a "
                    + "fresh keystore.");
            return reopenFresh(config, notices);
        } catch (IOException e) {
            notices.add("The Key Lab keystore could not be read (" + e.getMessage() + "); the lab starts with an "
                    + "empty keystore that is not saved this session.");
            return openInMemory(config);
        }
    }
    private static AuditLog openAudit(Path dataDir, List<String> notices) {
        AuditLog audit;
        try {
            audit = AuditLog.toFile(dataDir.resolve(AUDIT_FILE), AuditLog.DEFAULT_MAX_FILE_BYTES);
        } catch (IOException e) {
            notices.add("The Key Lab audit file could not be opened (" + e.getMessage() + "); audit events are kept "
                    + "in memory only.");
            return AuditLog.inMemory();
        }
        loadHistory(audit, notices);
        return audit;
    }

    /**
     * The Audit log tab shows the lab's history, like CloudTrail's event history, not only this run's calls: the
     * newest {@link AuditLog#DEFAULT_CAPACITY} events of the trail. A count, not a time window: the lab clock jumps
     * months ahead and back, so "the last 90 days" of simulated time could hide the calls made a minute ago.
     * Unreadable lines are skipped and named (file and line); the file is left as it is.
     */
    private static void loadHistory(AuditLog audit, List<String> notices) {
        try {
            List<String> problems = audit.loadHistory();
            if (problems.size() == 1) {
                notices.add("The audit log could not read one line of earlier runs: " + problems.get(0));
            } else if (!problems.isEmpty()) {
                notices.add("The audit log could not read " + problems.size() + " lines of earlier runs; the first: "
                        + problems.get(0));
            }
        } catch (IOException e) {
            notices.add("The audit log of earlier runs could not be read (" + e.getMessage() + "); the Audit log tab "
                    + "lists new calls only. The file is kept as it is.");
        }
    }

    private static KmsEngine reopenFresh(EngineConfig config, List<String> notices) {
        try {
            return KmsEngine.open(config, TOKENS);
        } catch (IOException | KeystoreCorruptException e) {
            notices.add("A fresh keystore could not be created either (" + e.getMessage() + "); keys are kept in "
                    + "memory this session.");
            return openInMemory(config);
        }
    }

    private static KmsEngine openInMemory(EngineConfig config) {
        try {
            return KmsEngine.open(config.withStorage(new InMemoryKeystoreStorage()), TOKENS);
        } catch (IOException | KeystoreCorruptException e) {
            throw new IllegalStateException("an empty in-memory keystore cannot fail to load", e);
        }
    }

    private static Optional<String> permissionProblem(Path dataDir) {
        try {
            return new FileMasterKey(dataDir.resolve(FileMasterKey.DEFAULT_FILE_NAME)).permissionProblem();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
