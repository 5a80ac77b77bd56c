package dev.kmslab.ui.shell;

import dev.kmslab.study.packs.PackFileImporter;
import dev.kmslab.study.quiz.TrackCatalog;
import dev.kmslab.ui.common.DialogService;
import dev.kmslab.ui.common.UiExecutor;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Opens the question pack or lab file the app was started with (a double-click in a file manager, through the
 * installed package's file association): {@link PackFileImporter} validates it and copies it into the data directory
 * off the FX thread; then a pack opens the Quiz and a lab opens its page, with a notice saying where the file went.
 * A file with a problem opens an error dialog naming the file and saying what is wrong; nothing is copied then.
 */
final class FileOpening {

    /** What the shell does with an imported file. */
    interface Target {
        void showQuiz();

        void showLab(String labId);
    }

    private final Path dataDir;
    private final DialogService dialogs;
    private final Consumer<String> notices;
    private final Target target;
    private final UiExecutor executor;

    FileOpening(Path dataDir, DialogService dialogs, Consumer<String> notices, Target target, UiExecutor executor) {
        this.dataDir = dataDir;
        this.dialogs = dialogs;
        this.notices = notices;
        this.target = target;
        this.executor = executor;
    }

    /** Imports {@code file}, shows the outcome, then runs {@code then} (on the UI thread) whatever the outcome. */
    void open(Path file, Runnable then) {
        executor.submit(() -> new PackFileImporter(TrackCatalog.fromClasspath()).importFile(file, dataDir),
                imported -> {
                    then.run();
                    notices.accept(notice(imported));
                    if (imported.kind() == PackFileImporter.Kind.QUESTION_PACK) {
                        target.showQuiz();
                    } else {
                        target.showLab(imported.labId());
                    }
                },
                e -> {
                    then.run();
                    Path named = e instanceof PackFileImporter.ImportException bad ? bad.file() : file;
                    dialogs.showError("Cannot open " + named.getFileName(), e instanceof
                            PackFileImporter.ImportException ? e.getMessage() : named + ": " + e);
                });
    }

    static String notice(PackFileImporter.Imported imported) {
        String what = imported.kind() == PackFileImporter.Kind.QUESTION_PACK
                ? "Question pack " + imported.source().getFileName() + " (" + imported.questions()
                        + (imported.questions() == 1 ? " question" : " questions") + ")"
                : "Lab \"" + imported.labTitle() + "\" (" + imported.source().getFileName() + ")";
        return what + (imported.replaced() ? " replaced the earlier copy in " : " was added to ")
                + imported.installedAs().getParent() + ".";
    }
}
