package dev.kmslab.ui.keylab.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kmslab.engine.KmsRegions;
import dev.kmslab.io.AtomicFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Named copies of the whole Key Lab — every Region's keystore (keys, aliases, policies, grants, principals, key
 * stores), the audit trail and the lab's clock — under {@code snapshots/<name>/} in the data folder, so an instructor
 * can rehearse a demo and put the lab back before class, and a learner can undo time travel. The keystores are copied
 * as the sealed files they are (encrypted under the data folder's master key), so no key material is ever written in
 * the clear. Restoring and resetting work on the files while the lab's engines are closed; the caller reopens them.
 * Pure Java (no toolkit).
 */
public final class LabSnapshots {

    /** One saved lab: its name, when it was saved, and the lab's clock then (empty: it followed real time). */
    public record Snapshot(String name, Instant savedAt, Optional<Instant> labTime, int keystores, int auditEvents) {
    }

    /** The snapshots that could be read, and what was wrong with the ones that could not (moved aside). */
    public record Listing(List<Snapshot> snapshots, List<String> problems) {
    }

    public static final String FOLDER = "snapshots";
    static final String META = "snapshot.json";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,39}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dataDir;
    private final Clock clock;

    public LabSnapshots(Path dataDir, Clock clock) {
        this.dataDir = dataDir;
        this.clock = clock;
    }

    /** The lab's own files in the data folder: one keystore per Region and the audit trail (and its rotated part). */
    static List<String> labFiles() {
        List<String> names = new ArrayList<>();
        String home = dev.kmslab.engine.EngineConfig.defaults().account();
        List<String> legacyNames = new ArrayList<>();
        // Both lab accounts: the home account's keystores, then the Partner account's.
        for (String account : List.of(home, dev.kmslab.engine.LabAccounts.PARTNER_ACCOUNT)) {
            for (String region : KmsRegions.LAB_REGIONS) {
                legacyNames.add(dev.kmslab.engine.LabAccounts.keystoreFileName(account, region, home,
                        KmsRegions.LAB_REGIONS.get(0)));
            }
        }
        for (String legacy : legacyNames) {
            // The keystore the engines open is the sealed journal; the older single-file keystore is kept in the list
            // so a snapshot saved before the journal restores as it was (the journal is then migrated from it).
            names.add(dev.kmslab.engine.store.JournalFileStorage.journalFileName(legacy));
            names.add(legacy);
        }
        names.add(LabEngineOpener.AUDIT_FILE);
        names.add(LabEngineOpener.AUDIT_FILE + ".1");
        return names;
    }

    /** Checks a snapshot name: 1 to 40 letters, digits, spaces, dots, dashes or underscores, starting with one of the first two. */
    public static String checkName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (!NAME.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("Snapshot name '" + trimmed + "': use 1 to 40 letters, digits, spaces, "
                    + "dots, dashes or underscores, starting with a letter or digit.");
        }
        return trimmed;
    }

    private Path folder(String name) {
        return dataDir.resolve(FOLDER).resolve(checkName(name).replace(' ', '_'));
    }

    /**
     * Saves the lab's files as {@code name} (replacing a snapshot of that name). The engines write each keystore
     * by an atomic rename, so every copied keystore is one whole state.
     *
     * @param labTime the lab clock's time, or empty when it follows real time
     */
    public Snapshot save(String name, Optional<Instant> labTime) throws IOException {
        String checked = checkName(name);
        Path target = folder(checked);
        Path staging = target.resolveSibling("." + target.getFileName() + ".saving");
        deleteTree(staging);
        Files.createDirectories(staging);
        int keystores = 0;
        for (String file : labFiles()) {
            Path source = dataDir.resolve(file);
            if (Files.exists(source)) {
                Files.copy(source, staging.resolve(file), StandardCopyOption.COPY_ATTRIBUTES);
                keystores += file.startsWith("keystore") ? 1 : 0;
            }
        }
        int events = countLines(staging.resolve(LabEngineOpener.AUDIT_FILE));
        Snapshot snapshot = new Snapshot(checked, clock.instant(), labTime, keystores, events);
        ObjectNode meta = JSON.createObjectNode();
        meta.put("format", 1);
        meta.put("name", checked);
        meta.put("savedAt", snapshot.savedAt().toString());
        labTime.ifPresent(t -> meta.put("labTime", t.toString()));
        meta.put("keystores", keystores);
        meta.put("auditEvents", events);
        AtomicFile.write(staging.resolve(META), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(meta));
        Path old = target.resolveSibling("." + target.getFileName() + ".old");
        deleteTree(old);
        if (Files.exists(target)) {
            Files.move(target, old);
        }
        Files.move(staging, target);
        deleteTree(old);
        return snapshot;
    }

    /**
     * Every snapshot, newest first. A snapshot whose description cannot be read is moved aside (to
     * {@code <folder>.corrupt-<time>}, kept for a person to look at) and named in {@code problems}.
     */
    public Listing list() {
        List<Snapshot> found = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Path root = dataDir.resolve(FOLDER);
        if (!Files.isDirectory(root)) {
            return new Listing(List.of(), List.of());
        }
        List<Path> folders;
        try (Stream<Path> entries = Files.list(root)) {
            folders = entries.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !p.getFileName().toString().contains(".corrupt-")).sorted().toList();
        } catch (IOException e) {
            return new Listing(List.of(), List.of("The snapshots folder " + root + " could not be read: "
                    + e.getMessage()));
        }
        for (Path folder : folders) {
            try {
                found.add(read(folder));
            } catch (IOException | RuntimeException e) {
                problems.add(setAside(folder, e));
            }
        }
        found.sort(Comparator.comparing(Snapshot::savedAt).reversed());
        return new Listing(List.copyOf(found), List.copyOf(problems));
    }

    private String setAside(Path folder, Exception e) {
        String why = "The snapshot " + folder.getFileName() + " could not be read (" + folder.resolve(META) + ": "
                + e.getMessage() + ")";
        try {
            Path aside = AtomicFile.moveAside(folder, clock);
            return why + "; it was moved aside to " + aside.getFileName() + ".";
        } catch (IOException moveFailed) {
            return why + "; it could not be moved aside either (" + moveFailed.getMessage() + ").";
        }
    }

    private static Snapshot read(Path folder) throws IOException {
        Path metaFile = folder.resolve(META);
        if (!Files.exists(metaFile)) {
            throw new IOException("missing");
        }
        JsonNode meta = JSON.readTree(metaFile.toFile());
        if (meta == null || !meta.isObject()) {
            throw new IOException("not a JSON object");
        }
        String name = text(meta, "name");
        checkName(name);
        Instant savedAt = Instant.parse(text(meta, "savedAt"));
        Optional<Instant> labTime = meta.hasNonNull("labTime") ? Optional.of(Instant.parse(text(meta, "labTime")))
                : Optional.empty();
        // The default Region's keystore: the journal, or in a snapshot saved before it the single sealed file.
        if (!Files.exists(folder.resolve(labFiles().get(0))) && !Files.exists(folder.resolve(labFiles().get(1)))
                && meta.path("keystores").asInt() > 0) {
            throw new IOException("its keystore " + labFiles().get(0) + " is missing");
        }
        return new Snapshot(name, savedAt, labTime, meta.path("keystores").asInt(), meta.path("auditEvents").asInt());
    }

    private static String text(JsonNode meta, String field) throws IOException {
        JsonNode value = meta.get(field);
        if (value == null || !value.isTextual()) {
            throw new IOException("field '" + field + "' is missing or not text");
        }
        return value.asText();
    }

    /**
     * Puts the snapshot's files in place of the lab's own. The lab's engines must be closed; files the snapshot
     * does not have (a Region first used after it was saved) are removed.
     *
     * @return the snapshot, whose lab time the caller sets the clock to
     */
    public Snapshot restore(String name) throws IOException {
        Path folder = folder(name);
        Snapshot snapshot = read(folder);
        for (String file : labFiles()) {
            Path saved = folder.resolve(file);
            Path live = dataDir.resolve(file);
            if (Files.exists(saved)) {
                AtomicFile.write(live, Files.readAllBytes(saved));
            } else {
                Files.deleteIfExists(live);
            }
        }
        return snapshot;
    }

    /**
     * The lab's audit trail as its file now holds it (after a restore: the snapshot's), oldest first, for the reopened
     * engines' audit log, which otherwise only holds the calls made since it opened.
     */
    public List<dev.kmslab.engine.audit.AuditEvent> auditTrail() throws IOException {
        return dev.kmslab.engine.audit.AuditLog.readTrail(dataDir.resolve(LabEngineOpener.AUDIT_FILE));
    }

    /** Removes the lab's keystores and audit trail so it opens empty. The lab's engines must be closed. */
    public void reset() throws IOException {
        for (String file : labFiles()) {
            Files.deleteIfExists(dataDir.resolve(file));
        }
    }

    private static int countLines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        try (Stream<String> lines = Files.lines(file)) {
            return (int) lines.filter(l -> !l.isBlank()).count();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
