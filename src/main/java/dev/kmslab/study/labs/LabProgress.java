package dev.kmslab.study.labs;

import dev.kmslab.io.JsonFileStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a learner has done in each lab — started, passed, hints revealed — in {@code <data dir>/lab-progress.json}.
 * Every change is written atomically before it is adopted, so a failed write leaves the file and what the screen
 * shows as they were. A file that cannot be read is kept aside as {@code lab-progress.json.corrupt-<time>} (never
 * overwritten) and progress starts empty, with a notice to show once.
 */
public final class LabProgress {

    public static final String FILE_NAME = "lab-progress.json";

    /**
     * One lab's record; times are ISO-8601 instants; {@code passedAt} is the first time every check passed (null
     * until then).
     */
    public record Entry(String startedAt, String passedAt, int hintsUsed, int checkRuns) {

        public boolean passed() {
            return passedAt != null;
        }
    }

    /** The file format: entries by lab id, sorted so the file diffs well. */
    public record Document(int version, Map<String, Entry> labs) {
        public Document {
            labs = labs == null ? Map.of() : Map.copyOf(labs);
        }
    }

    private final JsonFileStore<Document> store;
    private final Clock clock;
    private final Optional<String> loadNotice;
    private Map<String, Entry> labs;

    public LabProgress(Path dataDir, Clock clock) {
        this.clock = clock;
        this.store = new JsonFileStore<>(dataDir.resolve(FILE_NAME), Document.class,
                () -> new Document(1, Map.of()), clock);
        JsonFileStore.Loaded<Document> loaded = store.load();
        this.labs = new TreeMap<>(loaded.value().labs());
        this.loadNotice = loaded.notice();
    }

    /** Set when the file was damaged and moved aside; to be shown to the learner once. */
    public Optional<String> loadNotice() {
        return loadNotice;
    }

    public synchronized Optional<Entry> entry(String labId) {
        return Optional.ofNullable(labs.get(labId));
    }

    public synchronized boolean started(String labId) {
        return labs.containsKey(labId);
    }

    public synchronized boolean passed(String labId) {
        return entry(labId).map(Entry::passed).orElse(false);
    }

    public synchronized int hintsUsed(String labId) {
        return entry(labId).map(Entry::hintsUsed).orElse(0);
    }

    /** Records the first start of a lab; later starts change nothing. */
    public synchronized void markStarted(String labId) throws IOException {
        if (!labs.containsKey(labId)) {
            commit(labId, new Entry(now(), null, 0, 0));
        }
    }

    /** Counts one more revealed hint (never more than the lab has). */
    public synchronized void hintRevealed(String labId, int hintsInLab) throws IOException {
        Entry e = orStarted(labId);
        commit(labId, new Entry(e.startedAt(), e.passedAt(), Math.min(hintsInLab, e.hintsUsed() + 1),
                e.checkRuns()));
    }

    /** Records a "Check my work"; the first run where every check passed marks the lab passed for good. */
    public synchronized void checked(String labId, boolean allPassed) throws IOException {
        Entry e = orStarted(labId);
        String passedAt = e.passedAt() != null ? e.passedAt() : allPassed ? now() : null;
        commit(labId, new Entry(e.startedAt(), passedAt, e.hintsUsed(), e.checkRuns() + 1));
    }

    public synchronized Map<String, Entry> all() {
        return Map.copyOf(labs);
    }

    private String now() {
        return clock.instant().toString();
    }

    private Entry orStarted(String labId) {
        Entry e = labs.get(labId);
        return e != null ? e : new Entry(now(), null, 0, 0);
    }

    private void commit(String labId, Entry entry) throws IOException {
        Map<String, Entry> next = new TreeMap<>(labs);
        next.put(labId, entry);
        store.save(new Document(1, next));
        labs = next;
    }
}
