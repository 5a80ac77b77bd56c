package dev.kmslab.engine.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kmslab.io.OwnerOnlyFiles;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Background writer of the audit file, one JSON object per line. Callers only {@code offer} to a bounded queue: if the
 * disk is slow the queue fills and further events are counted as dropped rather than blocking a KMS call. The file is
 * rotated to {@code <name>.1} once it exceeds the size bound, so at most about twice the bound is kept on disk.
 */
final class AuditFileWriter implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(AuditFileWriter.class.getName());
    private static final Object FLUSH = new Object();

    private final Path file;
    private final long maxBytes;
    private final BlockingQueue<Object> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final ObjectMapper json = new ObjectMapper();
    private final Thread thread;
    private volatile CountDownLatch flushed;
    private volatile boolean closing;
    private OutputStream out;
    private long size;

    AuditFileWriter(Path file, long maxBytes, int queueCapacity) throws IOException {
        this.file = file;
        this.maxBytes = maxBytes;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        openFile();
        thread = new Thread(this::run, "kmslab-audit-writer");
        thread.setDaemon(true);
        thread.start();
    }

    void offer(AuditEvent event) {
        if (closing || !queue.offer(event)) {
            dropped.incrementAndGet();
        }
    }

    long dropped() {
        return dropped.get();
    }

    synchronized void flush() throws InterruptedException {
        CountDownLatch latch = new CountDownLatch(1);
        flushed = latch;
        queue.put(FLUSH);
        latch.await(10, TimeUnit.SECONDS);
    }

    private void run() {
        while (true) {
            Object item;
            try {
                item = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                break;
            }
            if (item == null) {
                syncQuietly(); // idle: push buffered lines to the file so readers see them
                if (closing) {
                    break;
                }
                continue;
            }
            if (item == FLUSH) {
                syncQuietly();
                flushed.countDown();
                continue;
            }
            write((AuditEvent) item);
        }
        closeQuietly();
    }

    private void write(AuditEvent event) {
        try {
            byte[] line = (json.writeValueAsString(AuditEventJson.toNode(event)) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
            if (size > 0 && size + line.length > maxBytes) {
                rotate();
            }
            out.write(line);
            size += line.length;
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not write audit event " + event.eventId(), e);
        }
    }

    private void rotate() throws IOException {
        out.close();
        Files.move(file, file.resolveSibling(file.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
        openFile();
    }

    private void openFile() throws IOException {
        // Owner-only (mode 600 on POSIX): the audit names principals, keys and encryption contexts.
        out = new BufferedOutputStream(OwnerOnlyFiles.append(file), 1 << 16);
        size = Files.size(file);
    }

    private void syncQuietly() {
        try {
            out.flush();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not flush the audit file", e);
        }
    }

    private void closeQuietly() {
        try {
            out.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not close the audit file", e);
        }
    }

    @Override
    public void close() {
        closing = true;
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
