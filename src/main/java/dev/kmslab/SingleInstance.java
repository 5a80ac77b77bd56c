package dev.kmslab;

import dev.kmslab.io.OwnerOnlyFiles;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/**
 * One app per data folder. The first app to start on a folder holds a lock on {@code <data folder>/instance.lock} for
 * as long as it runs and listens on a loopback port that {@code <data folder>/instance.json} names, with a random
 * token (both files owner-only). A later start on the same folder cannot take the lock: it reads instance.json,
 * connects, sends the token and its file paths (absolute, resolved against its own working directory), waits for
 * "OK" and exits, and the running app brings its window to the front and opens the files. Two processes writing the
 * same progress and settings files could lose progress; this keeps them to one.
 *
 * <p>The lock, not instance.json, says whether an app runs: the operating system drops the lock when its process ends
 * however it ends, so an instance.json left by a crash is simply replaced. A held lock whose owner does not answer in
 * time (still starting, stopping, or stuck) gives {@link Claim.Unreachable}; the caller then says so and does not
 * start a second writer. A folder where no lock can be taken at all (a file system without locks) gives
 * {@link Claim.Unlocked}: the app starts as before, and says that it cannot detect a second copy.
 *
 * <p>Protocol (one connection per hand-over, {@link DataOutputStream} strings): {@code "KMSLAB-OPEN/1"}, the token,
 * the number of files (0 to {@value #MAX_FILES}), each absolute path; the app answers {@code "OK"} once it has queued
 * the files, or {@code "REFUSED: <why>"} (wrong token, relative path, ...) and opens nothing.
 */
public final class SingleInstance implements AutoCloseable {

    public static final String LOCK_FILE = "instance.lock";
    public static final String INFO_FILE = "instance.json";
    /** How long a second start tries to reach the running app before giving up. */
    public static final Duration PATIENCE = Duration.ofSeconds(5);
    static final String HELLO = "KMSLAB-OPEN/1";
    static final int MAX_FILES = 64;
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration RETRY = Duration.ofMillis(100);

    /** What {@link #claim} found. */
    public sealed interface Claim {
        /** No app ran on the folder: this process is the one; keep {@code instance} open while it runs. */
        record Primary(SingleInstance instance) implements Claim {
        }

        /** The running app took the files (or, with none, was asked to come to the front): this start is done. */
        record HandedOver(Path dataDir, long pid, int files) implements Claim {
        }

        /** An app holds the folder but did not take the files in time; {@code reason} says what happened. */
        record Unreachable(Path dataDir, String reason) implements Claim {
        }

        /** The folder cannot be locked (see {@code reason}); the app runs without guarding against a second copy. */
        record Unlocked(Path dataDir, String reason) implements Claim {
        }
    }

    // The launcher's claim, waiting for the app that JavaFX creates reflectively (as StartupPreload's preload does);
    // by data folder, so that tests starting apps side by side never take each other's.
    private static final java.util.Map<Path, SingleInstance> PENDING = new java.util.HashMap<>();

    private final Path dataDir;
    private final FileChannel channel;
    private final FileLock lock;
    // Made on the hand-over thread, which alone uses it (SecureRandom takes a moment to set up).
    private String token;
    private final Thread server;
    private final List<List<Path>> queued = new ArrayList<>();
    private volatile ServerSocket socket;
    private Consumer<List<Path>> receiver;
    private volatile boolean closed;

    private SingleInstance(Path dataDir, FileChannel channel, FileLock lock) {
        this.dataDir = dataDir;
        this.channel = channel;
        this.lock = lock;
        this.server = new Thread(this::serve, "kmslab-single-instance");
        server.setDaemon(true);
    }

    /**
     * Becomes the app for {@code dataDir}, or hands {@code files} (relative ones resolved against {@code workingDir})
     * to the app already running there, trying for up to {@code patience}.
     */
    public static Claim claim(Path dataDir, List<Path> files, Path workingDir, Duration patience) {
        Path root = dataDir.toAbsolutePath();
        List<Path> absolute = files.stream().map(f -> workingDir.toAbsolutePath().resolve(f).normalize()).toList();
        FileChannel channel;
        try {
            if (!Files.isDirectory(root)) {
                OwnerOnlyFiles.secureDirectory(root);
            }
            Path lockFile = root.resolve(LOCK_FILE);
            OwnerOnlyFiles.createOrTighten(lockFile);
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException | RuntimeException e) {
            return new Claim.Unlocked(root, "cannot open " + root.resolve(LOCK_FILE) + ": " + e);
        }
        long deadline = System.nanoTime() + patience.toNanos();
        String problem = "it did not answer";
        while (true) {
            FileLock lock;
            try {
                lock = tryLock(channel);
            } catch (IOException e) {
                closeQuietly(channel);
                return new Claim.Unlocked(root, "cannot lock " + root.resolve(LOCK_FILE) + ": " + e);
            }
            if (lock != null) {
                SingleInstance instance = new SingleInstance(root, channel, lock);
                instance.start();
                return new Claim.Primary(instance);
            }
            long left = deadline - System.nanoTime();
            try {
                long pid = handOver(root, absolute, Duration.ofNanos(Math.max(left, RETRY.toNanos())));
                closeQuietly(channel);
                return new Claim.HandedOver(root, pid, absolute.size());
            } catch (HandOverException e) {
                problem = e.getMessage();
            }
            if (System.nanoTime() - deadline >= 0) {
                closeQuietly(channel);
                return new Claim.Unreachable(root, problem);
            }
            try {
                Thread.sleep(RETRY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closeQuietly(channel);
                return new Claim.Unreachable(root, "interrupted while waiting for it");
            }
        }
    }

    /** Keeps the launcher's primary claim for the app that starts on {@code dataDir} next. */
    public static void holdForApp(SingleInstance instance) {
        synchronized (PENDING) {
            PENDING.put(instance.dataDir, instance);
        }
    }

    /** The claim held for an app on {@code dataDir}, or null (tests and tours start the app without one). */
    static SingleInstance takeForApp(Path dataDir) {
        synchronized (PENDING) {
            return PENDING.remove(dataDir.toAbsolutePath());
        }
    }

    /**
     * Where files handed over from later starts go (called on the hand-over thread, once per start, with the empty
     * list when a start had no file). Hand-overs that came before this was set are passed on now, in order.
     */
    public void onOpen(Consumer<List<Path>> receiver) {
        List<List<Path>> waiting;
        synchronized (this) {
            this.receiver = receiver;
            waiting = List.copyOf(queued);
            queued.clear();
        }
        waiting.forEach(receiver);
    }

    public Path dataDir() {
        return dataDir;
    }

    /**
     * Stops taking files: no more listening, instance.json removed. The folder stays held, so a start meanwhile waits
     * for {@link #close} (up to its patience) and then runs itself, instead of handing its file to an app that is
     * closing.
     */
    public void stopListening() {
        if (closed) {
            return;
        }
        closed = true;
        ServerSocket listening = socket;
        if (listening != null) {
            closeQuietly(listening);
        }
        server.interrupt();
        try {
            Files.deleteIfExists(dataDir.resolve(INFO_FILE));
        } catch (IOException e) {
            // A stale instance.json is harmless: the next start finds the lock free and replaces it.
        }
    }

    /** Stops listening (see {@link #stopListening}) and gives up the lock; the lock file itself stays. */
    @Override
    public void close() {
        stopListening();
        if (!lock.isValid()) {
            return;
        }
        try {
            lock.release();
        } catch (IOException e) {
            // Closing the channel below releases it too.
        }
        closeQuietly(channel);
    }

    // Null when another process (or, in tests, another channel of this JVM) holds the lock.
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    // The lock is taken; what a crashed run left is removed at once, and the listening socket is opened off the
    // caller's thread (the launcher's, which should be starting the window).
    private void start() {
        try {
            Files.deleteIfExists(dataDir.resolve(INFO_FILE));
        } catch (IOException e) {
            System.err.println("KMS Lab: could not remove the old " + dataDir.resolve(INFO_FILE) + ": " + e);
        }
        server.start();
    }

    private void serve() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        token = HexFormat.of().formatHex(random);
        try {
            ServerSocket listening = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
            socket = listening;
            if (closed) {
                listening.close();
                return;
            }
            OwnerOnlyFiles.write(dataDir.resolve(INFO_FILE), info(listening.getLocalPort()));
            while (!closed) {
                try (Socket client = listening.accept()) {
                    client.setSoTimeout((int) CONNECTION_TIMEOUT.toMillis());
                    answer(client);
                } catch (IOException e) {
                    if (!closed && !(e instanceof SocketException)) {
                        System.err.println("KMS Lab: a hand-over from another start failed: " + e);
                    }
                }
            }
        } catch (IOException e) {
            if (!closed) {
                System.err.println("KMS Lab: files opened while this app runs cannot be handed to it (" + e
                        + "); a second start on " + dataDir + " will say so.");
            }
        }
    }

    private byte[] info(int port) {
        return ("{\n  \"port\": " + port + ",\n  \"token\": \"" + token + "\",\n  \"pid\": "
                + ProcessHandle.current().pid() + "\n}\n").getBytes(StandardCharsets.UTF_8);
    }

    private void answer(Socket client) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(client.getInputStream()));
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(client.getOutputStream()));
        String refusal = null;
        List<Path> files = new ArrayList<>();
        if (!HELLO.equals(in.readUTF())) {
            refusal = "not a KMS Lab hand-over";
        } else {
            // The whole message is read before the answer, so the sender is not cut off mid-write (a reset would
            // hide the answer from it).
            String given = in.readUTF();
            int count = in.readInt();
            List<String> names = new ArrayList<>();
            if (count < 0 || count > MAX_FILES) {
                refusal = count + " files (at most " + MAX_FILES + " at a time)";
            }
            for (int i = 0; refusal == null && i < count; i++) {
                names.add(in.readUTF());
            }
            if (refusal == null && !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                    given.getBytes(StandardCharsets.UTF_8))) {
                refusal = "wrong token";
            }
            for (int i = 0; refusal == null && i < names.size(); i++) {
                try {
                    Path file = Path.of(names.get(i));
                    if (!file.isAbsolute()) {
                        refusal = "not an absolute path: " + names.get(i);
                    }
                    files.add(file);
                } catch (InvalidPathException e) {
                    refusal = "not a path: " + e.getMessage();
                }
            }
        }
        if (refusal == null) {
            refusal = deliver(List.copyOf(files));
        }
        out.writeUTF(refusal == null ? "OK" : "REFUSED: " + refusal);
        out.flush();
    }

    // Null once the files are passed on (or queued until the app listens), else why they were not.
    private String deliver(List<Path> files) {
        Consumer<List<Path>> to;
        synchronized (this) {
            to = receiver;
            if (to == null) {
                queued.add(files);
                return null;
            }
        }
        try {
            to.accept(files);
            return null;
        } catch (RuntimeException e) {
            // The window is closing (its toolkit takes no more work): the second start tries again and, once this
            // app has gone, starts itself.
            return "the app is closing (" + e + ")";
        }
    }

    /** Sends {@code files} to the app named by instance.json and returns its process id once it answered "OK". */
    private static long handOver(Path root, List<Path> files, Duration patience) throws HandOverException {
        Path infoFile = root.resolve(INFO_FILE);
        String info;
        try {
            info = Files.readString(infoFile, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new HandOverException(infoFile + " is missing (the app may still be starting)");
        } catch (IOException e) {
            throw new HandOverException("cannot read " + infoFile + ": " + e.getMessage());
        }
        int port = Integer.parseInt(field(info, "port", "\\d{1,5}", "a port number", infoFile));
        if (port < 1 || port > 65535) {
            throw new HandOverException(infoFile + ": field \"port\" is missing or not a port number");
        }
        String token = field(info, "token", "\"([0-9a-f]{64})\"", "a string of 64 hex digits", infoFile);
        long pid = info.contains("\"pid\"") ? Long.parseLong(field(info, "pid", "\\d{1,18}", "a number", infoFile))
                : -1;
        int timeout = (int) Math.max(1, Math.min(patience.toMillis(), CONNECTION_TIMEOUT.toMillis()));
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), timeout);
            socket.setSoTimeout(timeout);
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
            out.writeUTF(HELLO);
            out.writeUTF(token);
            out.writeInt(files.size());
            for (Path file : files) {
                out.writeUTF(file.toString());
            }
            out.flush();
            String answer = new DataInputStream(new BufferedInputStream(socket.getInputStream())).readUTF();
            if (!answer.equals("OK")) {
                throw new HandOverException("port " + port + " answered \"" + answer + "\"");
            }
            return pid;
        } catch (IOException e) {
            throw new HandOverException("port " + port + " (from " + infoFile + "): " + e);
        }
    }

    // instance.json is only ever written by this class, in one layout; reading it needs no JSON library (Jackson
    // takes most of a second to load, which a second start would spend before it can hand over).
    private static String field(String info, String name, String valuePattern, String expected, Path file)
            throws HandOverException {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + name + "\"\\s*:\\s*(" + valuePattern
                + ")\\s*[,}]").matcher(info);
        if (!m.find()) {
            throw new HandOverException(file + ": field \"" + name + "\" is missing or not " + expected);
        }
        return m.group(m.groupCount() > 1 && m.group(2) != null ? 2 : 1);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Nothing more to release.
        }
    }

    private static final class HandOverException extends Exception {
        HandOverException(String message) {
            super(message);
        }
    }
}
