package dev.kmslab.io;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps the data folder private to its owner on POSIX file systems: the folder (and every folder in it) mode 700,
 * every file mode 600. The keystore, master key and access keys were already owner-only; the audit log, settings and
 * progress files were created with the default umask and so readable by every user of a shared lab machine.
 *
 * <p>{@link #secureDirectory} runs once at start: it creates the folder owner-only, and tightens whatever it finds
 * wider (group or other permission bits set), returning what it changed so the caller can say so once; on the next
 * start there is nothing left to tighten and nothing is printed. Symbolic links are neither followed nor changed. On
 * file systems without POSIX modes (Windows) nothing is changed: the per-user profile ACL applies.
 */
public final class OwnerOnlyFiles {

    public static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> GROUP_OR_OTHER = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private OwnerOnlyFiles() {
    }

    /** What {@link #secureDirectory} did: the paths it tightened (empty when everything was already private). */
    public record Tightening(Path root, List<Path> tightened) {

        public Tightening {
            tightened = List.copyOf(tightened);
        }

        /** One line for the user when something was tightened, naming the folder and how many entries. */
        public Optional<String> notice() {
            if (tightened.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of("Made the data folder " + root + " private to you: " + tightened.size()
                    + (tightened.size() == 1 ? " entry was" : " entries were") + " readable by other users "
                    + "(folders are now mode 700, files 600). This happens once.");
        }
    }

    public static boolean isPosix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /**
     * Creates {@code root} (and missing parents, which keep the umask) with mode 700, then tightens every folder and
     * file under it that others could read, write or enter.
     */
    public static Tightening secureDirectory(Path root) throws IOException {
        if (!isPosix()) {
            Files.createDirectories(root);
            return new Tightening(root, List.of());
        }
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            Path parent = root.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.createDirectory(root, PosixFilePermissions.asFileAttribute(DIRECTORY));
            // The umask may have masked bits off the requested mode but never adds any; set it exactly anyway.
            Files.setPosixFilePermissions(root, DIRECTORY);
            return new Tightening(root, List.of());
        }
        List<Path> tightened = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                tighten(dir, DIRECTORY, tightened);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (attributes.isRegularFile()) {
                    tighten(file, FILE, tightened);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                // A file that vanished while walking (a temporary file renamed into place) needs nothing.
                return FileVisitResult.CONTINUE;
            }
        });
        return new Tightening(root, tightened);
    }

    /** Makes {@code file} owner-only if it exists, or creates it empty and owner-only (for append-only files). */
    public static void createOrTighten(Path file) throws IOException {
        if (!isPosix()) {
            return;
        }
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // Another writer created it first: tighten below.
            }
        }
        Files.setPosixFilePermissions(file, FILE);
    }

    /** Writes a new owner-only file atomically (see {@link AtomicFile}), tightening the folder it goes in if new. */
    public static void write(Path file, byte[] bytes) throws IOException {
        AtomicFile.write(file, bytes);
        if (isPosix()) {
            Files.setPosixFilePermissions(file, FILE);
        }
    }

    /** Opens an owner-only file for appending, creating it if needed. */
    public static java.io.OutputStream append(Path file) throws IOException {
        createOrTighten(file);
        return Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static void tighten(Path path, Set<PosixFilePermission> wanted, List<Path> tightened) throws IOException {
        Set<PosixFilePermission> current = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        if (current.stream().anyMatch(GROUP_OR_OTHER::contains)) {
            Files.setPosixFilePermissions(path, wanted);
            tightened.add(path);
        }
    }
}
