package dev.kmslab.study.path;

import dev.kmslab.io.JsonFileStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the learning path needs to remember that no other store keeps: the exam the learner chose, the concept pages
 * read to the end and the flows played to their last step, in {@code <data dir>/study-progress.json}. (Labs passed
 * and questions answered come from the lab and quiz stores.) Every change is written atomically before it is
 * adopted. A damaged file is kept aside as {@code study-progress.json.corrupt-<time>} and progress starts empty with
 * a notice; a file that exists but cannot be read is left alone and nothing is saved over it this session.
 */
public final class StudyProgress {

    public static final String FILE_NAME = "study-progress.json";

    /** The file format; times are ISO-8601 instants of the first time, maps sorted so the file diffs well. */
    public record Document(int version, String track, Map<String, String> pagesRead, Map<String, String> flowsFinished) {
        public Document {
            pagesRead = sorted(pagesRead);
            flowsFinished = sorted(flowsFinished);
        }

        private static Map<String, String> sorted(Map<String, String> map) {
            return map == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(map));
        }

        static Document empty() {
            return new Document(1, null, Map.of(), Map.of());
        }
    }

    private final JsonFileStore<Document> store;
    private final Clock clock;
    private final Optional<String> loadNotice;
    private final boolean readOnly;
    private final boolean firstLaunch;
    private Document document;

    public StudyProgress(Path dataDir, Clock clock) {
        this.clock = clock;
        Path file = dataDir.resolve(FILE_NAME);
        this.store = new JsonFileStore<>(file, Document.class, Document::empty, clock);
        boolean existed = Files.exists(file);
        JsonFileStore.Loaded<Document> loaded = store.load();
        this.document = loaded.value();
        this.loadNotice = loaded.notice();
        // JsonFileStore moves a damaged file aside; one still in place could not be read at all (permissions, I/O):
        // keep it untouched rather than write an empty record over the learner's progress.
        this.readOnly = loaded.notice().isPresent() && Files.exists(file);
        this.firstLaunch = !existed;
    }

    /** Set when the file was damaged (and moved aside) or unreadable; to be shown to the learner once. */
    public Optional<String> loadNotice() {
        return loadNotice;
    }

    /** True when there was no progress file at start: the app opens on "Start here". */
    public boolean firstLaunch() {
        return firstLaunch;
    }

    public synchronized Optional<String> track() {
        return Optional.ofNullable(document.track());
    }

    public synchronized boolean pageRead(String conceptId) {
        return document.pagesRead().containsKey(conceptId);
    }

    public synchronized boolean flowFinished(String flowId) {
        return document.flowsFinished().containsKey(flowId);
    }

    public synchronized Document snapshot() {
        return document;
    }

    public synchronized void chooseTrack(String trackId) throws IOException {
        if (!trackId.equals(document.track())) {
            commit(new Document(1, trackId, document.pagesRead(), document.flowsFinished()));
        }
    }

    /** Records that a concept page was read to its end; later reads keep the first time. */
    public synchronized boolean markPageRead(String conceptId) throws IOException {
        if (pageRead(conceptId)) {
            return false;
        }
        Map<String, String> pages = new TreeMap<>(document.pagesRead());
        pages.put(conceptId, clock.instant().toString());
        commit(new Document(1, document.track(), pages, document.flowsFinished()));
        return true;
    }

    /** Records that a flow was played or stepped through to its last step; later runs keep the first time. */
    public synchronized boolean markFlowFinished(String flowId) throws IOException {
        if (flowFinished(flowId)) {
            return false;
        }
        Map<String, String> flows = new TreeMap<>(document.flowsFinished());
        flows.put(flowId, clock.instant().toString());
        commit(new Document(1, document.track(), document.pagesRead(), flows));
        return true;
    }

    private void commit(Document next) throws IOException {
        if (readOnly) {
            throw new IOException(store.file() + " could not be read at start-up, so it is not written over");
        }
        store.save(next);
        document = next;
    }
}
