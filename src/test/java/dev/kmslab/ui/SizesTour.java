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
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * Every screen at every size the layout check covers (1024×640, 1280×800, 1920×1080), plus presenter mode, as PNGs
 * for a person to look over: {@code <out>/<width>x<height>/<screen>.png}. The screenshots profile runs it after the
 * README tour, into {@code target/screenshots}; the README's presenter picture is copied from its 1280×800 run.
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
        Path data = Files.createTempDirectory("kmslab-sizes");
        QuizTourData.seed(data);
        Application.launch(TourApp.class, "--data-dir", data.toString());
    }

    /** The app, walked through every screen at every size once it is ready. */
    public static final class TourApp extends App {

        private record Shot(String file, double width, double height, Runnable action, boolean presenter) {
        }

        @Override
        protected void onReady(MainView view, Stage stage) {
            List<Shot> shots = new ArrayList<>();
            for (double[] size : ScreenLayoutUiTest.SIZES) {
                String dir = (int) size[0] + "x" + (int) size[1] + "/";
                for (Map.Entry<String, Consumer<MainView>> screen : ScreenLayoutUiTest.screens().entrySet()) {
                    shots.add(new Shot(dir + screen.getKey() + ".png", size[0], size[1],
                            () -> screen.getValue().accept(view), false));
                }
                shots.add(new Shot(dir + "presenter.png", size[0], size[1], () -> present(view), true));
            }
            waitForKeyLab(() -> {
                String orders = KeyLabDemoData.seed(keyLab().engine());
                KeyLabDemoData.seedPoliciesAndGrants(keyLab().engine(), orders);
                keyLab().selectedKeyIdProperty().set(orders);
                keyLab().changed();
                next(shots, stage, view);
            });
        }

        private void waitForKeyLab(Runnable then) {
            if (keyLab().engine() != null) {
                then.run();
                return;
            }
            PauseTransition wait = new PauseTransition(Duration.millis(100));
            wait.setOnFinished(e -> waitForKeyLab(then));
            wait.play();
        }

        private static void present(MainView view) {
            view.showFlow("envelope-encryption");
            var flows = (dev.kmslab.ui.flows.FlowsView) view.lookup("#flows-view");
            flows.player().model().setStepMillis(0);
            PauseTransition later = new PauseTransition(Duration.millis(900));
            later.setOnFinished(e -> {
                flows.player().model().jump(2);
                view.flows().setPresenter(true);
            });
            later.play();
        }

        private void next(List<Shot> shots, Stage stage, MainView view) {
            if (shots.isEmpty()) {
                Platform.exit();
                return;
            }
            Shot shot = shots.remove(0);
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(shot.width());
            stage.setHeight(shot.height());
            shot.action().run();
            PauseTransition settle = new PauseTransition(Duration.millis(shot.presenter() ? 2500 : 900));
            settle.setOnFinished(e -> {
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
                write(scene.snapshot(null), shot.file());
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
            settle.play();
        }

        private static void write(WritableImage image, String file) {
            Path path = outDir.resolve(file);
            try {
                Files.createDirectories(path.getParent());
                int w = (int) image.getWidth();
                int h = (int) image.getHeight();
                java.awt.image.BufferedImage out = new java.awt.image.BufferedImage(w, h,
                        java.awt.image.BufferedImage.TYPE_INT_ARGB);
                int[] row = new int[w];
                for (int y = 0; y < h; y++) {
                    image.getPixelReader().getPixels(0, y, w, 1, javafx.scene.image.PixelFormat.getIntArgbInstance(),
                            row, 0, w);
                    out.setRGB(0, y, w, 1, row, 0, w);
                }
                javax.imageio.ImageIO.write(out, "png", path.toFile());
                System.out.println("wrote " + path);
            } catch (IOException ex) {
                System.err.println("could not write " + path + ": " + ex.getMessage());
            }
        }
    }
}
