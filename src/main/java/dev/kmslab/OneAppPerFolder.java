package dev.kmslab;

import dev.kmslab.io.DataDirectory;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the launcher does with a {@link SingleInstance.Claim}: the first app on a data folder keeps its claim for the
 * window; a second start whose file the running app took exits with status 0; when the running app does not answer,
 * the start says why (on stderr and in a dialog) and exits with status 1 rather than run a second writer of the same
 * files. {@code --startup-probe} (CI's start-up timing, always on a folder of its own) skips all of this.
 */
final class OneAppPerFolder {

    private OneAppPerFolder() {
    }

    /** Returns when this process is to run the app; exits the JVM otherwise. */
    static void enter(List<String> args) {
        StartupOptions options = StartupOptions.parse(args);
        if (options.startupProbe()) {
            return;
        }
        Path dataDir = DataDirectory.resolve(options.dataDir(), System.getenv(),
                Path.of(System.getProperty("user.home"))).root();
        SingleInstance.Claim claim = SingleInstance.claim(dataDir, options.openFiles(),
                Path.of("").toAbsolutePath(), SingleInstance.PATIENCE);
        Optional<String> problem = handle(claim);
        if (claim instanceof SingleInstance.Claim.HandedOver) {
            System.out.println(problem.orElseThrow());
            System.exit(0);
        }
        if (claim instanceof SingleInstance.Claim.Unreachable) {
            System.err.println(problem.orElseThrow());
            showError(problem.orElseThrow());
            System.exit(1);
        }
        problem.ifPresent(System.err::println);
    }

    /** Keeps a primary claim for the app; the message for the user, if any, about the others. */
    static Optional<String> handle(SingleInstance.Claim claim) {
        if (claim instanceof SingleInstance.Claim.Primary primary) {
            SingleInstance.holdForApp(primary.instance());
            return Optional.empty();
        }
        if (claim instanceof SingleInstance.Claim.HandedOver handed) {
            return Optional.of("KMS Lab is already running on " + handed.dataDir() + " (process " + handed.pid()
                    + "); " + (handed.files() == 0 ? "it was asked to bring its window to the front."
                    : "the file was passed to it."));
        }
        if (claim instanceof SingleInstance.Claim.Unreachable unreachable) {
            return Optional.of("KMS Lab is already running on the data folder " + unreachable.dataDir()
                    + " but did not answer within " + SingleInstance.PATIENCE.toSeconds() + " s ("
                    + unreachable.reason() + "). Not starting a second copy, which could overwrite its progress: "
                    + "switch to its window, close it and try again, or start with --data-dir <another folder>.");
        }
        SingleInstance.Claim.Unlocked unlocked = (SingleInstance.Claim.Unlocked) claim;
        return Optional.of("KMS Lab: " + unlocked.reason() + "; starting anyway, but a second copy on "
                + unlocked.dataDir() + " will not be noticed.");
    }

    // A double-click has no terminal to read stderr in; the dialog needs a display and is skipped without one.
    private static void showError(String message) {
        try {
            javafx.application.Application.launch(dev.kmslab.ui.common.StartupErrorWindow.class,
                    "KMS Lab is already running", message);
        } catch (RuntimeException | Error e) {
            // stderr has the message
        }
    }
}
