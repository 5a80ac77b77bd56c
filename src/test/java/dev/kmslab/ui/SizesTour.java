package dev.kmslab.ui;

import dev.kmslab.App;
import dev.kmslab.ui.finish.ScreenLayoutUiTest;
import dev.kmslab.ui.shell.MainView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Every screen at every size the layout check covers (1024×640, 1280×800, 1920×1080), plus presenter mode, in the
 * light and the dark theme, as PNGs for a person to look over: {@code <out>/<width>x<height>[-dark]/<screen>.png}. The
 * screenshots profile runs it after the README tour, into {@code target/screenshots}; the README's presenter picture
 * is copied from its 1280×800 light run.
 */
public final class SizesTour {

    private static Path outDir = Path.of("target/screenshots");
    private static Path readmeDir;

    private SizesTour() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length > 0) {
            outDir = Path.of(args[0]);
        }
        if (args.length > 1) {
            readmeDir = Path.of(args[1]);
        }
        Files.createDirectories(outDir);
        TourSupport.launch(TourApp.class, "kmslab-sizes");
    }

    /** The app, walked through every screen at every size once it is ready. */
    public static final class TourApp extends App {

        private record Shot(String file, double width, double height, boolean dark, Runnable action,
                            boolean presenter) {
        }

        @Override
        protected void onReady(MainView view, Stage stage) {
            List<Shot> shots = new ArrayList<>();
            // -Dtour.only=keylab takes only the screens whose name starts so, -Dtour.light=true only the light theme:
            // a quick look after a layout change.
            String only = System.getProperty("tour.only", "");
            boolean lightOnly = Boolean.getBoolean("tour.light");
            // -Dtour.steps=envelope takes every step of the flows whose id starts so, at the two laptop sizes
            // (steps/<width>x<height>/<flow>-<step>.png), instead of the screens: what each step shows in the player.
            String stepsOf = System.getProperty("tour.steps");
            if (stepsOf != null) {
                steps(shots, stepsOf, view);
                next(shots, stage, view);
                return;
            }
            for (boolean dark : lightOnly ? new boolean[] {false} : new boolean[] {false, true}) {
                for (double[] size : ScreenLayoutUiTest.SIZES) {
                    String dir = (int) size[0] + "x" + (int) size[1] + (dark ? "-dark" : "") + "/";
                    for (Map.Entry<String, Consumer<MainView>> screen : ScreenLayoutUiTest.screens().entrySet()) {
                        if (!screen.getKey().startsWith(only)) {
                            continue;
                        }
                        shots.add(new Shot(dir + screen.getKey() + ".png", size[0], size[1], dark,
                                () -> screen.getValue().accept(view), false));
                    }
                    shots.add(new Shot(dir + "presenter.png", size[0], size[1], dark, () -> present(view), true));
                }
            }
            TourSupport.whenKeyLabReady(this, () -> {
                String orders = KeyLabDemoData.seed(keyLab().engine());
                KeyLabDemoData.seedPoliciesAndGrants(keyLab().engine(), orders);
                keyLab().selectedKeyIdProperty().set(orders);
                keyLab().changed();
                next(shots, stage, view);
            });
        }

        private static void steps(List<Shot> shots, String prefix, MainView view) {
            dev.kmslab.flow.FlowRecorder recorder = dev.kmslab.flow.FlowRecorder.standalone(
                    new java.security.SecureRandom());
            for (dev.kmslab.flow.FlowDefinition d : dev.kmslab.flow.FlowCatalogue.all()) {
                if (!d.id().startsWith(prefix)) {
                    continue;
                }
                dev.kmslab.flow.Flow flow = recorder.record(d.id(), java.util.Optional.empty());
                for (double[] size : new double[][] {{1024, 640}, {1280, 800}}) {
                    for (int i = 0; i < flow.steps().size(); i++) {
                        int step = i;
                        shots.add(new Shot(String.format(java.util.Locale.ROOT, "steps/%dx%d/%s-%02d.png",
                                (int) size[0], (int) size[1], d.id(), step + 1), size[0], size[1], false, () -> {
                                    if (view.flows().flow().orElse(null) != flow) {
                                        view.showFlow(flow);
                                    }
                                    view.flows().player().setStepMillis(0);
                                    view.flows().player().jump(step);
                                }, false));
                    }
                }
            }
        }

        private static void present(MainView view) {
            view.showFlow("envelope-encryption");
            var flows = (dev.kmslab.ui.flows.FlowsView) view.lookup("#flows-view");
            flows.player().model().setStepMillis(0);
            TourSupport.later(900, () -> {
                flows.player().model().jump(2);
                view.flows().setPresenter(true);
            });
        }

        private void next(List<Shot> shots, Stage stage, MainView view) {
            if (shots.isEmpty()) {
                Platform.exit();
                return;
            }
            Shot shot = shots.remove(0);
            shell().darkProperty().set(shot.dark());
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(shot.width());
            stage.setHeight(shot.height());
            shot.action().run();
            TourSupport.later(shot.presenter() ? 2500 : 900, () -> {
                Scene scene = stage.getScene();
                Window presenter = null;
                if (shot.presenter()) {
                    for (Window w : Window.getWindows()) {
                        if (w != stage && w.isShowing() && w.getScene() != null
                                && w.getScene().lookup("#presenter-root") != null) {
                            presenter = w;
                        }
                    }
                    if (presenter != null) {
                        presenter.setX(0);
                        presenter.setY(0);
                        presenter.setWidth(shot.width());
                        presenter.setHeight(shot.height());
                        scene = presenter.getScene();
                        scene.getRoot().applyCss();
                        scene.getRoot().layout();
                    }
                }
                TourSupport.writePng(scene.snapshot(null), outDir.resolve(shot.file()));
                if (readmeDir != null && shot.file().equals("1280x800/presenter.png")) {
                    try {
                        Files.copy(outDir.resolve(shot.file()), readmeDir.resolve("presenter.png"),
                                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    } catch (IOException ex) {
                        System.err.println("could not copy the presenter picture: " + ex.getMessage());
                    }
                }
                if (presenter != null) {
                    view.flows().setPresenter(false);
                }
                next(shots, stage, view);
            });
        }
    }
}
