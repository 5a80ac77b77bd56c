package dev.kmslab.engine.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The engine's CloudTrail: a bounded in-memory ring of recent events that can be queried, listeners notified of each
 * event, and optionally a JSON Lines file written by a background thread. Recording is cheap (append to the ring and
 * hand the event to a bounded queue) so auditing never slows the cryptographic hot path.
 *
 * <p>Listeners run on the calling thread and must return quickly (a UI listener should hand off to its own thread).
 */
public final class AuditLog implements AutoCloseable {

    public static final int DEFAULT_CAPACITY = 10_000;
    private static final Logger LOG = Logger.getLogger(AuditLog.class.getName());
    /** The suggested size bound of the audit file before it is rotated to {@code .1}. */
    public static final long DEFAULT_MAX_FILE_BYTES = 10L * 1024 * 1024;

    private final int capacity;
    private final ArrayDeque<AuditEvent> ring;
    private final List<Consumer<AuditEvent>> listeners = new CopyOnWriteArrayList<>();
    private final AuditFileWriter writer;

    private AuditLog(int capacity, AuditFileWriter writer) {
        this.capacity = capacity;
        this.ring = new ArrayDeque<>(Math.min(capacity, 1024));
        this.writer = writer;
    }

    /** Memory only, for tests and demos. */
    public static AuditLog inMemory() {
        return new AuditLog(DEFAULT_CAPACITY, null);
    }

    public static AuditLog inMemory(int capacity) {
        return new AuditLog(capacity, null);
    }

    /**
     * Also appends every event to {@code file} as JSON Lines; when the file grows past {@code maxFileBytes} it is
     * renamed to {@code <file>.1} (replacing an older one) and a new file is started.
     */
    public static AuditLog toFile(Path file, long maxFileBytes) throws IOException {
        return new AuditLog(DEFAULT_CAPACITY, new AuditFileWriter(file, maxFileBytes, 8192));
    }

    public void record(AuditEvent event) {
        synchronized (ring) {
            if (ring.size() == capacity) {
                ring.removeFirst();
            }
            ring.addLast(event);
        }
        if (writer != null) {
            writer.offer(event);
        }
        for (Consumer<AuditEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                // A faulty observer (say, a closed UI view) must not turn a completed KMS call into a failure.
                LOG.log(Level.WARNING, "audit listener failed on event " + event.eventId(), e);
            }
        }
    }

    /**
     * Puts events from before this log was opened (an audit file read back with {@link #readTrail}) in front of the
     * ring, oldest first, keeping the newest {@code capacity} events in all. They are not written to the file again
     * (they are in it) and listeners are not told (they are not new calls).
     */
    public void preload(List<AuditEvent> older) {
        synchronized (ring) {
            List<AuditEvent> current = new ArrayList<>(ring);
            ring.clear();
            int skip = Math.max(0, older.size() + current.size() - capacity);
            for (int i = skip; i < older.size(); i++) {
                ring.addLast(older.get(i));
            }
            for (int i = Math.max(0, skip - older.size()); i < current.size(); i++) {
                ring.addLast(current.get(i));
            }
        }
    }

    /**
     * Reads an audit file written by {@link #toFile}, its rotated part {@code <file>.1} first, oldest event first; no
     * file gives an empty list. A last line without its line end (a write cut short) is left out; any other line that
     * is not an event fails with an {@link IOException} naming the file, the line and the field.
     */
    public static List<AuditEvent> readTrail(Path file) throws IOException {
        List<AuditEvent> events = new ArrayList<>();
        readLines(file.resolveSibling(file.getFileName() + ".1"), events);
        readLines(file, events);
        return events;
    }

    private static void readLines(Path file, List<AuditEvent> into) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        String content = Files.readString(file, StandardCharsets.UTF_8);
        String[] lines = content.split("\n", -1);
        ObjectMapper json = new ObjectMapper();
        // split keeps what follows the last line end: empty for a complete file, a cut-short line otherwise.
        for (int i = 0; i < lines.length - 1; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                into.add(AuditEventJson.fromNode(json.readTree(line)));
            } catch (IOException | IllegalArgumentException e) {
                throw new IOException(file.getFileName() + " line " + (i + 1) + ": " + firstLine(e.getMessage()), e);
            }
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "not an audit event";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    /** Matching events still in the ring, oldest first. */
    public List<AuditEvent> query(AuditQuery query) {
        List<AuditEvent> out = new ArrayList<>();
        synchronized (ring) {
            for (AuditEvent event : ring) {
                if (query.matches(event)) {
                    out.add(event);
                }
            }
        }
        return out;
    }

    public List<AuditEvent> all() {
        return query(AuditQuery.all());
    }

    public void addListener(Consumer<AuditEvent> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<AuditEvent> listener) {
        listeners.remove(listener);
    }

    /** Events the file writer had to drop because its queue was full (0 when there is no file). */
    public long droppedFromFile() {
        return writer == null ? 0 : writer.dropped();
    }

    /** Waits until every event recorded so far is in the file (for tests and orderly shutdown). */
    public void flush() throws InterruptedException {
        if (writer != null) {
            writer.flush();
        }
    }

    @Override
    public void close() {
        if (writer != null) {
            writer.close();
        }
    }
}
