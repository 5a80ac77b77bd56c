package dev.kmslab.engine.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A master key of 32 random bytes in its own file (by default {@code <data dir>/master.key}). On POSIX systems the
 * file is created owner-only ({@code rw-------}) from the first byte, never chmod-ed afterwards, so there is no window
 * in which another user could read it. A key file that has since become readable by others is reported by
 * {@link #permissionProblem()} (the caller decides whether to warn or refuse) but still used.
 */
public final class FileMasterKey implements MasterKeySource {

    public static final String DEFAULT_FILE_NAME = "master.key";
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(
            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private final Path keyFile;
    private final SecureRandom random;

    public FileMasterKey(Path keyFile, SecureRandom random) {
        this.keyFile = keyFile.toAbsolutePath();
        this.random = random;
    }

    public FileMasterKey(Path keyFile) {
        this(keyFile, new SecureRandom());
    }

    public Path keyFile() {
        return keyFile;
    }

    @Override
    public KdfHeader newHeader(SecureRandom unused) {
        return new KdfHeader.KeyFile();
    }

    @Override
    public byte[] masterKey(KdfHeader header, Path keystore, boolean create) throws IOException {
        StoreDamage.requireKeyFileHeader(header, keystore);
        if (create && !Files.exists(keyFile)) {
            createKeyFile();
        }
        return readKey(keystore);
    }

    /**
     * A description of why the key file is exposed (group or others may access it), or empty if it is owner-only
     * or the file system has no POSIX permissions to check.
     */
    public Optional<String> permissionProblem() throws IOException {
        if (!isPosix() || !Files.exists(keyFile)) {
            return Optional.empty();
        }
        Set<PosixFilePermission> actual = Files.getPosixFilePermissions(keyFile);
        Set<PosixFilePermission> extra = EnumSet.copyOf(actual);
        extra.removeAll(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE));
        if (extra.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("The master key file " + keyFile + " can be accessed by other users ("
                + PosixFilePermissions.toString(actual) + "); restrict it with: chmod 600 " + keyFile);
    }

    private byte[] readKey(Path keystore) throws IOException {
        byte[] key;
        try {
            key = Files.readAllBytes(keyFile);
        } catch (NoSuchFileException e) {
            throw new KeystoreLockedException(KeystoreLockedException.Reason.MASTER_KEY_MISSING, keyFile,
                    "The master key file " + keyFile + " is missing, so the keystore " + keystore
                            + " cannot be opened; restore the key file from a backup");
        }
        if (key.length != KEY_BYTES) {
            int length = key.length;
            Arrays.fill(key, (byte) 0);
            throw new KeystoreLockedException(KeystoreLockedException.Reason.MASTER_KEY_UNREADABLE, keyFile,
                    "The master key file " + keyFile + " holds " + length + " bytes instead of " + KEY_BYTES);
        }
        return key;
    }

    // Written to an owner-only temporary sibling, forced, then renamed without replacing: a crash never leaves a
    // half-written key, and two processes racing to create it cannot silently swap keys under each other.
    private void createKeyFile() throws IOException {
        Path dir = keyFile.getParent();
        Files.createDirectories(dir);
        Path temp = isPosix()
                ? Files.createTempFile(dir, "." + keyFile.getFileName() + ".", ".tmp", ownerOnly())
                : Files.createTempFile(dir, "." + keyFile.getFileName() + ".", ".tmp");
        byte[] key = new byte[KEY_BYTES];
        try {
            random.nextBytes(key);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(key);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, keyFile);
        } finally {
            Arrays.fill(key, (byte) 0);
            Files.deleteIfExists(temp);
        }
    }

    private static FileAttribute<Set<PosixFilePermission>> ownerOnly() {
        return PosixFilePermissions.asFileAttribute(OWNER_ONLY);
    }

    private static boolean isPosix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    @Override
    public String toString() {
        return "FileMasterKey[" + keyFile + "]";
    }
}
