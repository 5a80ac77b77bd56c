package dev.kmslab.study.checklist;

import dev.kmslab.io.JsonFileStore;
import dev.kmslab.study.content.Checklist;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which checklist items a learner has ticked. Every change is saved at once; if the save fails the tick is undone so
 * what the screen shows is always what is on disk.
 */
public final class ChecklistProgress {

    /** The file format: the ids of ticked items, sorted so diffs of the file stay readable. */
    public record Document(int version, List<String> ticked) {
        public Document {
            ticked = ticked == null ? List.of() : List.copyOf(ticked);
        }
    }

    public static final String FILE_NAME = "checklist-progress.json";

    private final JsonFileStore<Document> store;
    private final Set<String> ticked = new TreeSet<>();
    private final Optional<String> loadNotice;

    public ChecklistProgress(Path dataDir, Clock clock) {
        this.store = new JsonFileStore<>(dataDir.resolve(FILE_NAME), Document.class,
                () -> new Document(1, List.of()), clock);
        JsonFileStore.Loaded<Document> loaded = store.load();
        ticked.addAll(loaded.value().ticked());
        this.loadNotice = loaded.notice();
    }

    /** Set when the progress file was damaged and moved aside at start; to be shown to the learner once. */
    public Optional<String> loadNotice() {
        return loadNotice;
    }

    public synchronized boolean isTicked(String itemId) {
        return ticked.contains(itemId);
    }

    public synchronized void setTicked(String itemId, boolean value) throws IOException {
        boolean changed = value ? ticked.add(itemId) : ticked.remove(itemId);
        if (!changed) {
            return;
        }
        try {
            persist();
        } catch (IOException e) {
            if (value) {
                ticked.remove(itemId);
            } else {
                ticked.add(itemId);
            }
            throw e;
        }
    }

    public synchronized int tickedCount(Checklist checklist) {
        return (int) checklist.items().filter(i -> ticked.contains(i.id())).count();
    }

    public synchronized double fraction(Checklist checklist) {
        int size = checklist.size();
        return size == 0 ? 0 : (double) tickedCount(checklist) / size;
    }

    public synchronized double overallFraction(Collection<Checklist> checklists) {
        int total = checklists.stream().mapToInt(Checklist::size).sum();
        int done = checklists.stream().mapToInt(this::tickedCount).sum();
        return total == 0 ? 0 : (double) done / total;
    }

    /** Unticks every item of one track, leaving the other tracks alone. */
    public synchronized void reset(Checklist checklist) throws IOException {
        Set<String> before = new TreeSet<>(ticked);
        checklist.items().forEach(i -> ticked.remove(i.id()));
        try {
            persist();
        } catch (IOException e) {
            ticked.clear();
            ticked.addAll(before);
            throw e;
        }
    }

    /** The checklist as Markdown task lists, with the learner's ticks, for notes or sharing. */
    public synchronized String exportMarkdown(Checklist checklist) {
        StringBuilder md = new StringBuilder("# ").append(checklist.title()).append("\n\n");
        md.append(String.format(java.util.Locale.ROOT, "Progress: %d of %d items (%d%%)%n%n",
                tickedCount(checklist), checklist.size(), Math.round(fraction(checklist) * 100)));
        for (Checklist.Group group : checklist.domains()) {
            md.append("## ").append(group.name()).append("\n\n");
            for (Checklist.Item item : group.items()) {
                md.append("- [").append(ticked.contains(item.id()) ? 'x' : ' ').append("] ")
                        .append(item.text()).append("  \n  ").append(item.explanation()).append('\n');
            }
            md.append('\n');
        }
        return md.toString();
    }

    private void persist() throws IOException {
        store.save(new Document(1, List.copyOf(ticked)));
    }
}
