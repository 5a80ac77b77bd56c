package dev.kmslab.engine.audit;

import java.io.IOException;
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
 * event, and optionally a JSON Lines file. Every event is in the file (handed to the operating system) before
 * {@code record} returns, so an answered call's event survives a kill of the process; concurrent callers share the
 * system calls ({@link AuditFileWriter}), and only events of calls that changed state are forced to the device.
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
        return toFile(file, maxFileBytes, DEFAULT_CAPACITY);
    }

    /** As above, keeping {@code capacity} events in memory (and loading at most that many as history). */
    public static AuditLog toFile(Path file, long maxFileBytes, int capacity) throws IOException {
        return new AuditLog(capacity, new AuditFileWriter(file, maxFileBytes));
    }

    /**
     * Records an event. With a file, its line has been written to the operating system when this returns (it
     * survives the process being killed), not yet forced to the device; see {@link #record(AuditEvent, boolean)}.
     */
    public void record(AuditEvent event) {
        record(event, false);
    }

    /**
     * Records an event; with {@code durable} its line is also forced to the device before this returns (concurrent
     * callers share one {@code fsync}). The engine asks for it for calls that changed the keystore, so their event is
     * as durable as the change; the crypto calls are only written, which keeps them cheap.
     */
    public void record(AuditEvent event, boolean durable) {
        synchronized (ring) {
            if (ring.size() == capacity) {
                ring.removeFirst();
            }
            ring.addLast(event);
        }
        if (writer != null) {
            writer.append(event, durable);
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
     * file gives an empty list. A line cut off by a crash (torn) is left out; any other line that is not an event
     * fails with an {@link IOException} naming the file, the line and the field. {@link AuditTrail#read} reads the
     * same without failing.
     */
    public static List<AuditEvent> readTrail(Path file) throws IOException {
        AuditTrail trail = AuditTrail.read(file, Integer.MAX_VALUE);
        for (AuditTrail.Problem problem : trail.problems()) {
            if (!problem.torn()) {
                throw new IOException(problem.fileName() + " line " + problem.line() + ": " + problem.reason());
            }
        }
        return trail.events();
    }

    /**
     * Puts the newest events of the audit file this log writes (those of earlier runs of the lab) in front of the
     * ring, like CloudTrail's event history: at most the ring's capacity, read from the end of the file, so a long
     * history costs no more at start than a full ring. Lines that cannot be read are skipped; what was skipped is
     * returned, one sentence each (file and line), for the caller to show. A damaged file is never rewritten: once
     * rotated, it is kept aside instead of being replaced. Nothing for a memory-only log.
     *
     * @throws IOException when the file exists but cannot be read at all
     */
    public List<String> loadHistory() throws IOException {
        if (writer == null) {
            return List.of();
        }
        AuditTrail trail = AuditTrail.read(writer.file(), capacity);
        preload(trail.events());
        if (trail.problems().stream().anyMatch(p -> !p.torn() && p.rotated())) {
            writer.keepRotatedAside();
        }
        if (trail.problems().stream().anyMatch(p -> !p.torn() && !p.rotated())) {
            writer.keepCurrentAside();
        }
        return trail.problems().stream().map(AuditTrail.Problem::message).toList();
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

    /**
     * How many times the file was forced to the device ({@code fsync}); a diagnostic that shows the crypto calls
     * never force it. 0 when there is no file.
     */
    public long fileForces() {
        return writer == null ? 0 : writer.forces();
    }

    /** Events that could not be written to the file (a failed write; 0 when there is no file). */
    public long droppedFromFile() {
        return writer == null ? 0 : writer.dropped();
    }

    /**
     * Forces every event recorded so far to the device (every one is already in the file when {@code record}
     * returns); for orderly shutdown and snapshots.
     */
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
