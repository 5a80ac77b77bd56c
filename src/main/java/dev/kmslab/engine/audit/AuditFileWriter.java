package dev.kmslab.engine.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kmslab.io.OwnerOnlyFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writer of the audit file, one JSON object per line, with a group write: {@link #append} returns only once the
 * event's line has been handed to the operating system (a {@code write} system call, no user-space buffer), so it
 * survives the process being killed (SIGKILL) the moment after. Concurrent callers share system calls: while one
 * thread writes, the others queue their lines, and the next thread to get the file writes every queued line at once.
 * A durable append also forces the file to the device ({@code fsync}), again shared by callers waiting together;
 * the engine asks for it for calls that changed the keystore, whose own change is forced the same way, so the audit
 * trail is as durable as the store. A crypto call (Encrypt, Decrypt…) costs one shared {@code write}, and a force only
 * when its line rotates the file.
 *
 * <p>A process killed in the middle of a write can leave a line without its end. The next write then starts a new
 * line first, so the torn line stays alone on its line and the reader ({@link AuditTrail}) reports and skips it.
 *
 * <p>The file is rotated to {@code <name>.1} once it exceeds the size bound, so at most about twice the bound is kept
 * on disk. A rotated part reported damaged ({@link #keepRotatedAside}) is renamed aside instead of being replaced.
 * The full part is forced to the device by the call whose line rotated it, after that call has renamed it, opened the
 * new file and written its lines, and outside the writer's lock: other callers go on writing to the new file
 * meanwhile instead of waiting the tens of milliseconds a 10 MB {@code fsync} can take. Nothing is weaker for it:
 * every line is still handed to the operating system before its call returns (the rotated part's lines before the
 * rename), the call that rotated returns only once the part is forced, a durable append whose line is in a part not
 * yet forced waits for that force (without the lock), and a rotation forces the part before it, if still pending,
 * before renaming the next.
 */
final class AuditFileWriter implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(AuditFileWriter.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path file;
    private final long maxBytes;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong forces = new AtomicLong();

    /** Lines handed in but not yet written, and the number of the last one; guarded by itself. */
    private final List<byte[]> pending = new ArrayList<>();
    private long queued;

    /** Guards the file: the channel, its size, and how far it was written and forced. */
    private final Object io = new Object();
    private FileChannel channel;
    private long size;
    private long written;
    private long forced;
    private boolean startNewLine;
    private boolean currentDamaged;
    private boolean rotatedDamaged;
    private boolean closed;
    /** The part the latest rotation closed, until the next rotation; forced once, outside {@link #io}. */
    private RotatedPart rotated;
    /** How a rotated part is forced: {@code FileChannel.force(false)}; a test may stall it. */
    private final Force forceRotated;

    /** Forces one file to the device. */
    interface Force {
        void force(FileChannel channel) throws IOException;
    }

    /** A full part renamed to {@code <name>.1}, still open until it has been forced. */
    private static final class RotatedPart {
        final FileChannel channel;
        /** The number of the last line written to it. */
        final long lastLine;
        /** Guarded by this part. */
        boolean forced;

        RotatedPart(FileChannel channel, long lastLine) {
            this.channel = channel;
            this.lastLine = lastLine;
        }
    }

    AuditFileWriter(Path file, long maxBytes) throws IOException {
        this(file, maxBytes, channel -> channel.force(false));
    }

    AuditFileWriter(Path file, long maxBytes, Force forceRotated) throws IOException {
        this.file = file.toAbsolutePath();
        this.maxBytes = maxBytes;
        this.forceRotated = forceRotated;
        Files.createDirectories(this.file.getParent());
        openFile();
    }

    /**
     * Writes the event's line to the operating system before returning, and with {@code durable} forces it to the
     * device. A failure is logged (never with the event's parameters) and counted in {@link #dropped()}: the call
     * the event describes has already happened and must not be reported as failed.
     */
    void append(AuditEvent event, boolean durable) {
        byte[] line;
        try {
            line = (JSON.writeValueAsString(AuditEventJson.toNode(event)) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            dropped.incrementAndGet();
            LOG.log(Level.WARNING, "could not encode audit event " + event.eventId(), e);
            return;
        }
        long number;
        synchronized (pending) {
            pending.add(line);
            number = ++queued;
        }
        RotatedPart rotatedHere = null;
        RotatedPart holdsLine = null;
        synchronized (io) {
            if (closed) {
                dropped.incrementAndGet();
                return;
            }
            try {
                if (written < number) {
                    RotatedPart before = rotated;
                    try {
                        writePending();
                    } finally {
                        rotatedHere = rotated != before ? rotated : null;
                    }
                }
                if (durable) {
                    RotatedPart part = rotated;
                    if (part != null && number <= part.lastLine) {
                        holdsLine = part; // forced outside the lock, by this call or the one that rotated
                    } else if (forced < number) {
                        force();
                    }
                }
            } catch (IOException e) {
                LOG.log(Level.WARNING, "could not write the audit file " + file.getFileName(), e);
            }
        }
        // Outside the lock: the calls behind this one write to the new file meanwhile.
        if (rotatedHere != null) {
            forceRotated(rotatedHere);
        }
        if (holdsLine != null) {
            forceRotated(holdsLine);
        }
    }

    /** Forces and closes a rotated part once; a second caller waits for the first one's force. */
    private void forceRotated(RotatedPart part) {
        synchronized (part) {
            if (part.forced) {
                return;
            }
            try {
                forceRotated.force(part.channel);
                forces.incrementAndGet();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "could not force the rotated audit file", e);
            } finally {
                part.forced = true;
                try {
                    part.channel.close();
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "could not close the rotated audit file", e);
                }
            }
        }
    }

    /** Writes every queued line in one system call (two when a rotation comes first). Holds {@link #io}. */
    private void writePending() throws IOException {
        List<byte[]> batch;
        long upTo;
        synchronized (pending) {
            batch = new ArrayList<>(pending);
            pending.clear();
            upTo = queued;
        }
        int length = startNewLine ? 1 : 0;
        for (byte[] line : batch) {
            length += line.length;
        }
        if (size > 0 && size + length > maxBytes) {
            length -= startNewLine ? 1 : 0;
            rotate(); // the new file is empty: no line to end first
        }
        ByteBuffer buffer = ByteBuffer.allocate(length);
        if (startNewLine) {
            buffer.put((byte) '\n');
        }
        for (byte[] line : batch) {
            buffer.put(line);
        }
        buffer.flip();
        try {
            while (buffer.hasRemaining()) {
                size += channel.write(buffer);
            }
            startNewLine = false;
        } catch (IOException e) {
            // Part of the batch may be in the file: the next write starts on a line of its own.
            startNewLine = true;
            dropped.addAndGet(batch.size());
            written = upTo;
            throw e;
        }
        written = upTo;
    }

    /** Holds {@link #io}. The caller forces the part it closes once it has let go of the lock. */
    private void rotate() throws IOException {
        // The part before, if its force is still under way (10 MB written faster than one fsync), is forced before
        // this one replaces it, so parts are forced in order; counted with the other forces, like this part's force
        // (the one force a crypto call can pay: about one per 17,000 events).
        if (rotated != null) {
            forceRotated(rotated);
        }
        FileChannel full = channel;
        long lastLine = written;
        Path older = file.resolveSibling(file.getFileName() + ".1");
        if (rotatedDamaged && Files.exists(older)) {
            // Never replace a damaged file: it is what the learner is told to look at.
            Path aside = dev.kmslab.io.AtomicFile.unusedSibling(file,
                    older.getFileName() + ".damaged-" + STAMP.format(Clock.systemUTC().instant()), "");
            Files.move(older, aside);
            LOG.warning("the damaged audit file " + older.getFileName() + " was kept as " + aside.getFileName());
        }
        Files.move(file, older, StandardCopyOption.REPLACE_EXISTING);
        // still open: its lines are in the operating system already, and the caller forces it without the lock
        rotated = new RotatedPart(full, lastLine);
        rotatedDamaged = currentDamaged;
        currentDamaged = false;
        openFile();
    }

    private void openFile() throws IOException {
        // Owner-only (mode 600 on POSIX): the audit names principals, keys and encryption contexts.
        OwnerOnlyFiles.createOrTighten(file);
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        size = channel.size();
        startNewLine = size > 0 && !endsWithNewLine(size);
    }

    private boolean endsWithNewLine(long length) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            return in.read(last, length - 1) == 1 && last.get(0) == '\n';
        }
    }

    /**
     * The rotated part {@code <name>.1} was found damaged: the next rotation renames it aside
     * ({@code <name>.1.damaged-<time>}) instead of replacing it.
     */
    void keepRotatedAside() {
        synchronized (io) {
            rotatedDamaged = true;
        }
    }

    /** The current file was found damaged: once rotated to {@code .1}, it is kept aside at the next rotation. */
    void keepCurrentAside() {
        synchronized (io) {
            currentDamaged = true;
        }
    }

    Path file() {
        return file;
    }

    long dropped() {
        return dropped.get();
    }

    /** Holds {@link #io}. */
    private void force() throws IOException {
        long upTo = written;
        channel.force(false);
        forced = upTo;
        forces.incrementAndGet();
    }

    long forces() {
        return forces.get();
    }

    /** Forces every line written so far to the device (the rotated part's too, if its force is pending). */
    void flush() {
        RotatedPart part;
        synchronized (io) {
            if (closed) {
                return;
            }
            part = rotated;
            try {
                force();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "could not force the audit file " + file.getFileName(), e);
            }
        }
        if (part != null) {
            forceRotated(part);
        }
    }

    @Override
    public void close() {
        flush();
        synchronized (io) {
            if (closed) {
                return;
            }
            closed = true;
            try {
                channel.close();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "could not close the audit file " + file.getFileName(), e);
            }
        }
    }
}
