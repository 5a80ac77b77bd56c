package dev.kmslab.ui;

import dev.kmslab.App;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.util.Duration;

/**
 * What the screenshot tours share ({@link ScreenshotTour} for the README, {@link SizesTour} for every screen at every
 * size): a fresh data directory with quiz history, the app launched on it, waiting for the key engine, timed steps on
 * the FX thread and PNG files written without the javafx-swing module.
 */
final class TourSupport {

    private TourSupport() {
    }

    /** Starts {@code app} on a new data directory (seeded with quiz history); returns when the app exits. */
    static void launch(Class<? extends App> app, String prefix) throws IOException {
        Path data = Files.createTempDirectory(prefix);
        QuizTourData.seed(data);
        Application.launch(app, "--data-dir", data.toString());
    }

    /** Runs {@code then} on the FX thread once the Key Lab's engine (opened in the background) is ready. */
    static void whenKeyLabReady(App app, Runnable then) {
        if (app.keyLab().engine() != null) {
            then.run();
            return;
        }
        later(100, () -> whenKeyLabReady(app, then));
    }

    /** Runs {@code action} on the FX thread after {@code millis}. */
    static void later(double millis, Runnable action) {
        PauseTransition wait = new PauseTransition(Duration.millis(millis));
        wait.setOnFinished(e -> action.run());
        wait.play();
    }

    /** Writes the snapshot as a PNG (creating its folder), and says so; a failure is reported, not thrown. */
    static void writePng(WritableImage image, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            javax.imageio.ImageIO.write(toBuffered(image), "png", file.toFile());
            System.out.println("wrote " + file);
        } catch (IOException ex) {
            System.err.println("could not write " + file + ": " + ex.getMessage());
        }
    }

    // Copies the pixels by hand so the tours need no javafx-swing module.
    private static java.awt.image.BufferedImage toBuffered(WritableImage image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        java.awt.image.BufferedImage out = new java.awt.image.BufferedImage(w, h,
                java.awt.image.BufferedImage.TYPE_INT_ARGB);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getPixelReader().getPixels(0, y, w, 1, PixelFormat.getIntArgbInstance(), row, 0, w);
            out.setRGB(0, y, w, 1, row, 0, w);
        }
        return out;
    }
}
