package dev.kmslab.ui;

import dev.kmslab.App;
import dev.kmslab.ui.shell.MainView;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * Takes the README screenshots: starts the real app with a fresh data directory, walks through each screen and saves
 * a PNG of the window per step into {@code assets/screenshots/}. Run it with {@code mvn -Pscreenshots verify} under
 * a display (for example {@code xvfb-run -a -s "-screen 0 1280x800x24"}).
 */
public final class ScreenshotTour {

    private static Path outDir = Path.of("assets/screenshots");

    private record Step(String file, Runnable action) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length > 0) {
            outDir = Path.of(args[0]);
        }
        Files.createDirectories(outDir);
        Path data = Files.createTempDirectory("kmslab-tour");
        Application.launch(TourApp.class, "--data-dir", data.toString());
    }

    /** The app itself, driven step by step once it is ready. A nested class: a main class may not be an Application. */
    public static final class TourApp extends App {

    @Override
    protected void onReady(MainView view, Stage stage) {
        stage.setWidth(1280);
        stage.setHeight(800);
        List<Step> steps = new ArrayList<>(List.of(
                new Step("overview.png", view::showOverview),
                new Step("concept-envelope-encryption.png", () -> view.showConcept("envelope-encryption")),
                new Step("concept-key-types.png", () -> view.showConcept("key-types")),
                new Step("service-map.png", () -> view.showService("ebs")),
                new Step("checklists.png", () -> view.showChecklistItem("DVA", "")),
                new Step("flows.png", () -> shell().selectedSectionProperty().set("flows")),
                new Step("flows-envelope.png", () -> playMidAnimation(view, "envelope-encryption", 2)),
                new Step("overview-dark.png", () -> {
                    view.showOverview();
                    shell().darkProperty().set(true);
                }),
                new Step("service-map-dark.png", () -> view.showService("s3"))));
        next(steps, stage);
    }

    /** Opens a flow, shows its steps up to {@code step} and starts animating the next one for the snapshot. */
    private static void playMidAnimation(MainView view, String flowId, int step) {
        view.showFlow(flowId);
        var flows = (dev.kmslab.ui.flows.FlowsView) view.lookup("#flows-view");
        var model = flows.player().model();
        // Recording runs in the background; animate as soon as the flow is in.
        model.flowProperty().addListener((obs, was, now) -> {
            if (now != null) {
                javafx.application.Platform.runLater(() -> {
                    model.jump(step - 1);
                    model.next();
                });
            }
        });
    }

    private void next(List<Step> steps, Stage stage) {
        if (steps.isEmpty()) {
            Platform.exit();
            return;
        }
        Step step = steps.remove(0);
        step.action().run();
        // Give layout, CSS and images a moment to settle before the snapshot.
        PauseTransition settle = new PauseTransition(Duration.millis(step.file().startsWith("flows-") ? 1900 : 700));
        settle.setOnFinished(e -> {
            WritableImage image = stage.getScene().snapshot(null);
            File file = outDir.resolve(step.file()).toFile();
            try {
                javax.imageio.ImageIO.write(toBuffered(image), "png", file);
                System.out.println("wrote " + file);
            } catch (IOException ex) {
                System.err.println("could not write " + file + ": " + ex.getMessage());
            }
            next(steps, stage);
        });
        settle.play();
    }
    }

    // Copies the pixels by hand so the tour needs no javafx-swing module.
    private static java.awt.image.BufferedImage toBuffered(WritableImage image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        java.awt.image.BufferedImage out = new java.awt.image.BufferedImage(w, h,
                java.awt.image.BufferedImage.TYPE_INT_ARGB);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getPixelReader().getPixels(0, y, w, 1, javafx.scene.image.PixelFormat.getIntArgbInstance(), row, 0, w);
            out.setRGB(0, y, w, 1, row, 0, w);
        }
        return out;
    }
}
