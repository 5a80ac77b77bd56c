package dev.kmslab;

import dev.kmslab.io.DataDirectory;
import dev.kmslab.io.JsonFileStore;
import dev.kmslab.io.OwnerOnlyFiles;
import dev.kmslab.study.checklist.ChecklistProgress;
import dev.kmslab.study.content.ContentLoader;
import dev.kmslab.study.content.StudyContent;
import dev.kmslab.ui.shell.AppSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The files the first screen needs — settings, checklist progress, study content — read on one background thread
 * that the launcher starts before the JavaFX toolkit. Reading them pulls in Jackson (several hundred classes); on the
 * FX thread that would hold up the first frame, here it overlaps with the toolkit starting on the other core.
 */
final class StartupPreload {

    /**
     * The settings store and what it held, and the checklist progress (either may carry a notice for the user);
     * {@code privacyNotice} says when the data folder was made owner-only at this start.
     */
    record UserFiles(DataDirectory data, JsonFileStore<AppSettings> settingsStore,
                     JsonFileStore.Loaded<AppSettings> settings, ChecklistProgress progress,
                     Optional<String> privacyNotice) {
    }

    // The launcher's preload waits here for the application instance that JavaFX creates reflectively.
    private static StartupPreload pending;

    private final List<String> args;
    private final CompletableFuture<UserFiles> files = new CompletableFuture<>();
    private final CompletableFuture<StudyContent> content = new CompletableFuture<>();

    private StartupPreload(List<String> args) {
        this.args = List.copyOf(args);
    }

    /** Starts reading for a run with these command-line arguments; {@link #take} hands the result to the app. */
    static synchronized StartupPreload begin(List<String> args) {
        pending = start(args, Clock.systemUTC());
        return pending;
    }

    /** The preload begun for exactly these arguments, or a new one started now (tests start the app directly). */
    static synchronized StartupPreload take(List<String> args, Clock clock) {
        StartupPreload begun = pending;
        pending = null;
        return begun != null && begun.args.equals(args) ? begun : start(args, clock);
    }

    private static StartupPreload start(List<String> args, Clock clock) {
        StartupPreload preload = new StartupPreload(args);
        DataDirectory data = DataDirectory.resolve(StartupOptions.parse(args).dataDir(), System.getenv(),
                Path.of(System.getProperty("user.home")));
        Thread thread = new Thread(() -> preload.read(data, clock), "kmslab-preload");
        thread.setDaemon(true);
        thread.start();
        return preload;
    }

    // Settings first: the window cannot be built without them. Content follows and may arrive after the first frame.
    private void read(DataDirectory data, Clock clock) {
        try {
            Optional<String> privacy = securePrivately(data);
            JsonFileStore<AppSettings> store = new JsonFileStore<>(data.resolve("settings.json"), AppSettings.class,
                    AppSettings::defaults, clock);
            files.complete(new UserFiles(data, store, store.load(), new ChecklistProgress(data.root(), clock),
                    privacy));
        } catch (RuntimeException | Error e) {
            files.completeExceptionally(e);
        }
        StartupClock.jvmStartMillis();
        try {
            content.complete(ContentLoader.loadFromClasspath());
        } catch (RuntimeException | Error e) {
            content.completeExceptionally(e);
        }
    }

    // The folder is created owner-only, and one left readable by others (older versions used the umask) is tightened.
    private static Optional<String> securePrivately(DataDirectory data) {
        try {
            return OwnerOnlyFiles.secureDirectory(data.root()).notice();
        } catch (IOException e) {
            return Optional.of("Could not make the data folder " + data.root() + " private to you: "
                    + e.getMessage());
        }
    }

    CompletableFuture<UserFiles> files() {
        return files;
    }

    CompletableFuture<StudyContent> content() {
        return content;
    }
}
