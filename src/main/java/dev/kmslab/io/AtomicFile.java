package dev.kmslab.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes files so that a reader sees either the old content or the new one, never a torn mix: the bytes go to a
 * temporary sibling, are forced to the device, and the sibling is renamed over the target. A crash at any moment leaves
 * the previous file intact.
 */
public final class AtomicFile {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private AtomicFile() {
    }

    /** Replaces {@code target} with {@code bytes} atomically, creating parent directories as needed. */
    public static void write(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            move(temp, target);
            syncDirectory(dir);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Moves a file that could not be read aside as {@code <name>.corrupt-<timestamp>} so it is never silently
     * overwritten, and returns where it went.
     */
    public static Path moveAside(Path file, Clock clock) throws IOException {
        Path aside = unusedSibling(file, file.getFileName() + ".corrupt-" + STAMP.format(clock.instant()), "");
        // No REPLACE_EXISTING: if another process took the name since the check, the move fails rather than overwrite.
        Files.move(file, aside);
        return aside;
    }

    /**
     * The first of {@code <base><suffix>}, {@code <base>-1<suffix>}, {@code <base>-2<suffix>}, ... beside {@code file}
     * that does not exist yet, so that keeping a file aside never replaces one kept earlier.
     */
    public static Path unusedSibling(Path file, String base, String suffix) {
        Path candidate = file.resolveSibling(base + suffix);
        for (int n = 1; Files.exists(candidate); n++) {
            candidate = file.resolveSibling(base + "-" + n + suffix);
        }
        return candidate;
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    // The rename is only durable once the directory entry is flushed; not every platform lets us open a directory.
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Best effort: Windows cannot open directories; the file itself is already forced.
        }
    }
}
