package dev.kmslab;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Runs {@code serve} from the installed launcher in a JVM with the full JIT. The installed launcher starts its JVM
 * C1-only ({@code -XX:TieredStopAtLevel=1}, the faster GUI start); C1 code has no AES and GHASH intrinsics, so
 * AES-GCM there runs at some 40 MiB/s instead of gigabytes per second. A JVM cannot change its compilers once
 * started, so the launcher's JVM starts a second JVM of the same runtime ({@code java.home/bin/java}) with the same
 * options except that one, runs {@code serve} there and passes on its exit code. The user still types
 * {@code kms-lab serve ...}.
 *
 * <p>The launcher marks its JVM with {@code -Dkmslab.launcher=installed} (jpackage.sh); nothing happens without that
 * mark ({@code java -jar kms-lab.jar serve} already runs with the JVM's default compilers) or when the launcher's
 * options leave the full JIT on. Stopping the first JVM (Ctrl+C, a kill) stops the second: a shutdown hook ends it,
 * and the second JVM also ends by itself when the first one is gone (a {@code kill -9}).
 */
final class ServeJit {

    /** Set by the installed launcher's options; the second JVM does not get it. */
    static final String LAUNCHER = "kmslab.launcher";
    /** The first JVM's process id, given to the second JVM, which ends when that process is gone. */
    static final String PARENT = "kmslab.serveParent";
    private static final String TIERED_STOP = "-XX:TieredStopAtLevel=";

    private ServeJit() {
    }

    /** Runs {@code serve args} in a full-JIT JVM and returns its exit code, or empty to serve in this JVM. */
    static OptionalInt relaunch(String[] serveArgs) {
        List<String> jvmArguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
        Path java = Path.of(System.getProperty("java.home"), "bin",
                System.getProperty("os.name", "").startsWith("Windows") ? "java.exe" : "java");
        Optional<Path> jar = HandOver.ownJar();
        if (!needed(System.getProperty(LAUNCHER), jvmArguments) || jar.isEmpty() || !Files.isExecutable(java)) {
            return OptionalInt.empty();
        }
        List<String> command = command(java.toString(), jvmArguments, fromEnvironment(), jar.get(),
                ProcessHandle.current().pid(), List.of(serveArgs));
        try {
            return OptionalInt.of(HandOver.run(command, "kmslab-serve-jit"));
        } catch (IOException e) {
            System.err.println("kms-lab serve: could not start " + java + " (" + e.getMessage()
                    + "); serving in this JVM, whose AES-GCM is slow (C1 only)");
            return OptionalInt.empty();
        }
    }

    /**
     * Whether this JVM must hand {@code serve} over: it was started by the installed launcher and its options stop
     * compilation below C2 (level 4, the last {@code -XX:TieredStopAtLevel} counts).
     */
    static boolean needed(String launcherMark, List<String> jvmArguments) {
        if (!"installed".equals(launcherMark)) {
            return false;
        }
        int level = 4;
        for (String argument : jvmArguments) {
            if (argument.startsWith(TIERED_STOP)) {
                try {
                    level = Integer.parseInt(argument.substring(TIERED_STOP.length()));
                } catch (NumberFormatException e) {
                    level = 4;  // the JVM would not have started with it
                }
            }
        }
        return level < 4;
    }

    /**
     * The second JVM's command line: this JVM's options without the compiler limit, the launcher mark, the class
     * path (replaced by the jar) and those that came from the environment ({@code JAVA_TOOL_OPTIONS}, which the
     * second JVM reads again from the environment it inherits), then {@code serve} and its arguments.
     */
    static List<String> command(String java, List<String> jvmArguments, List<String> fromEnvironment, Path jar,
                                long parentPid, List<String> serveArgs) {
        List<String> command = new ArrayList<>();
        command.add(java);
        List<String> environmentLeft = new ArrayList<>(fromEnvironment);
        for (String argument : jvmArguments) {
            if (environmentLeft.remove(argument)) {
                continue;
            }
            if (!argument.startsWith(TIERED_STOP) && !argument.startsWith("-D" + LAUNCHER + "=")
                    && !argument.startsWith("-Djava.class.path=")) {
                command.add(argument);
            }
        }
        command.add("-D" + PARENT + "=" + parentPid);
        command.add("-cp");
        command.add(jar.toString());
        command.add(Launcher.class.getName());
        command.add("serve");
        command.addAll(serveArgs);
        return command;
    }

    /** The options this JVM took from the environment (the JVM lists them among its input arguments). */
    private static List<String> fromEnvironment() {
        List<String> options = new ArrayList<>();
        for (String variable : List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS")) {
            String value = System.getenv(variable);
            if (value != null && !value.isBlank()) {
                options.addAll(List.of(value.trim().split("\\s+")));
            }
        }
        return options;
    }

    /** In the second JVM: ends it when the first JVM is gone (killed with no chance to stop this one). */
    static void watchParent() {
        String parent = System.getProperty(PARENT);
        if (parent == null) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(parent);
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty()) {
            parentGone(pid);
        } else {
            handle.get().onExit().thenRun(() -> parentGone(pid));
        }
    }

    private static void parentGone(long pid) {
        System.err.println("kms-lab serve: the launcher (process " + pid + ") ended; stopping");
        System.exit(1);
    }
}
