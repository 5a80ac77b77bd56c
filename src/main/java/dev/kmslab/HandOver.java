package dev.kmslab;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What the launcher's hand-overs to a second JVM share (the jar's start with its class-data sharing archive,
 * {@link FastStart}; the installed launcher's {@code serve} with the full JIT, {@link ServeJit}): the jar this code
 * runs from, and running the second JVM on this one's terminal until it ends.
 */
final class HandOver {

    private HandOver() {
    }

    /** The jar this class was loaded from; empty when the app runs from class folders (tests, an IDE). */
    static Optional<Path> ownJar() {
        try {
            CodeSource source = HandOver.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return Optional.empty();
            }
            Path location = Path.of(source.getLocation().toURI());
            return location.toString().endsWith(".jar") ? Optional.of(location) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return Optional.empty();
        }
    }

    /**
     * Starts {@code command} on this JVM's standard streams and waits for its exit code. Stopping this JVM (a
     * terminal's Ctrl+C, a kill) stops the second too, and waits up to ten seconds for it to end (to let go of a
     * port, to save its files) before ending it forcibly, so it never runs on alone.
     *
     * @throws IOException the second JVM could not be started
     */
    static int run(List<String> command, String hookName) throws IOException {
        Process child = new ProcessBuilder(command).inheritIO().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            child.destroy();
            try {
                if (!child.waitFor(10, TimeUnit.SECONDS)) {
                    child.destroyForcibly();
                }
            } catch (InterruptedException e) {
                child.destroyForcibly();
            }
        }, hookName));
        try {
            return child.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }
}
