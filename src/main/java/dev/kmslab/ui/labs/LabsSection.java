package dev.kmslab.ui.labs;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.study.labs.Lab;
import dev.kmslab.study.labs.LabLoader;
import dev.kmslab.study.labs.LabProgress;
import dev.kmslab.study.labs.LabSandbox;
import dev.kmslab.study.quiz.TrackCatalog;
import dev.kmslab.ui.common.UiExecutor;
import dev.kmslab.ui.keylab.common.KeyLabSession;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * Wires the Labs section to the rest of the app, so the shell needs only one line for it: labs load from the class
 * path and {@code <data dir>/labs}, progress lives in the data directory, and "Open in Key Lab" points the shared Key
 * Lab session at the lab's sandbox (labelled as such) and shows the Key Lab.
 */
public final class LabsSection {

    /** The label the Key Lab shows while it works on a lab's sandbox. */
    public static String sandboxLabel(Lab lab) {
        return "Lab sandbox: " + lab.title();
    }

    private LabsSection() {
    }

    /**
     * @param showKeyLab switches the window to the Key Lab section
     */
    public static LabsViewModel model(Path dataDir, KeyLabSession keyLab, Consumer<String> notices,
                                      Runnable showKeyLab) {
        LabsViewModel model = new LabsViewModel(() -> new LabLoader(TrackCatalog.fromClasspath()).load(dataDir),
                new LabProgress(dataDir, Clock.systemUTC()), UiExecutor.fx(1), notices);
        if (keyLab != null) {
            model.setKeyLabOpener((lab, sandbox) -> {
                point(keyLab, lab, sandbox);
                showKeyLab.run();
            });
            // A reset lab has a new sandbox; a Key Lab still showing the old one follows it.
            model.setResetListener((lab, sandbox) -> {
                if (keyLab.inSandbox() && keyLab.sandboxLabelProperty().get().equals(sandboxLabel(lab))) {
                    point(keyLab, lab, sandbox);
                }
            });
        }
        model.load();
        return model;
    }

    private static void point(KeyLabSession keyLab, Lab lab, LabSandbox sandbox) {
        keyLab.openSandbox(sandbox.regions(), sandboxLabel(lab), CallerContext.root(sandbox.account()));
        sandbox.keys().values().stream().findFirst().ifPresent(keyLab.selectedKeyIdProperty()::set);
        keyLab.changed();
    }
}
