package dev.kmslab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Starts the app from the runnable jar in a second JVM that maps a class-data sharing archive built next to the jar
 * ({@code kms-lab.jsa}, made by {@code mvn package}). About half of start-up is loading and verifying the few thousand
 * JavaFX and app classes the first screen needs; the archive holds them ready to map, which brings the first frame
 * under 1.5 s on a 2-core machine. {@code java -jar} cannot carry the JVM options that use an archive, hence the
 * hand-over. The first JVM only waits and passes on the exit code; the app measures start-up from its start.
 *
 * <p>Nothing happens (the app starts in this JVM) when the archive is missing, when the JVM was started some other
 * way than {@code -jar}, when it already has class-sharing options, or with {@code -Dkmslab.fastStart=false}.
 */
final class FastStart {

    static final String ARCHIVE = "kms-lab.jsa";
    static final String RELAUNCHED = "kmslab.relaunched";
    /** Epoch milliseconds at which the first JVM started; the start-up probe counts from there. */
    static final String FIRST_JVM_START = "kmslab.firstJvmStart";

    private FastStart() {
    }

    /** Runs the app in a JVM using the archive and returns its exit code, or empty to start the app here. */
    static OptionalInt relaunch(String[] args) {
        if (Boolean.getBoolean(RELAUNCHED) || "false".equals(System.getProperty("kmslab.fastStart"))) {
            return OptionalInt.empty();
        }
        Optional<Path> jar = HandOver.ownJar();
        ProcessHandle.Info self = ProcessHandle.current().info();
        if (jar.isEmpty() || self.command().isEmpty() || self.arguments().isEmpty()
                || !Files.isRegularFile(jar.get().resolveSibling(ARCHIVE))) {
            return OptionalInt.empty();
        }
        // Not ProcessHandle.Info.startInstant(): on Linux it is derived from the boot time in whole seconds and was
        // measured up to 0.7 s early, which would make the start-up probe report too much.
        long started = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        Optional<List<String>> command = command(self.command().get(), Arrays.asList(self.arguments().get()),
                jar.get(), jar.get().resolveSibling(ARCHIVE), started, true);
        if (command.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            // Closing the first JVM (a terminal's Ctrl+C, a kill) must not leave the app running on its own.
            return OptionalInt.of(HandOver.run(command.get(), "kmslab-fast-start"));
        } catch (IOException e) {
            return OptionalInt.empty();
        }
    }

    /**
     * The second JVM's command line: this JVM's own options (so {@code -D} settings still apply), the archive, and
     * the app's arguments; empty when this JVM was not started with {@code -jar} or already chose class sharing.
     */
    static Optional<List<String>> command(String java, List<String> jvmArguments, Path jar, Path archive,
                                          long firstJvmStart, boolean archiveExists) {
        int jarFlag = jvmArguments.indexOf("-jar");
        if (!archiveExists || jarFlag < 0 || jarFlag + 1 >= jvmArguments.size()) {
            return Optional.empty();
        }
        List<String> options = jvmArguments.subList(0, jarFlag);
        if (options.stream().anyMatch(o -> o.startsWith("-Xshare") || o.startsWith("-XX:SharedArchiveFile"))) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(options);
        command.add("-XX:SharedArchiveFile=" + archive);
        command.add("-Xshare:auto");
        // A moved jar or another JDK makes the archive unusable; the app then starts as usual, without a warning.
        command.add("-Xlog:cds=off");
        // C1 only, as with mvn javafx:run: C2 compiling at start-up takes the second core the background loading
        // needs; C1 code is fast enough for this app, but for AES-GCM (no intrinsics: README, Start-up time, measured
        // full tiered compilation at about 3 s slower under load; serve from the installed launcher: ServeJit).
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.add("-D" + RELAUNCHED + "=true");
        command.add("-D" + FIRST_JVM_START + "=" + firstJvmStart);
        command.add("-cp");
        command.add(jar.toString());
        command.add(Launcher.class.getName());
        command.addAll(jvmArguments.subList(jarFlag + 2, jvmArguments.size()));
        return Optional.of(command);
    }
}
