package dev.kmslab.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Takes the README's Labs screenshots headless (Monocle renders in software): a lab after "Check my work" with a
 * failed check, and the Key Lab working on that lab's sandbox. It writes into assets/screenshots, so it runs only when
 * asked: {@code mvn -o test -Dtest=LabsScreenshotsTest -Dkmslab.screenshots=true}.
 */
@EnabledIfSystemProperty(named = "kmslab.screenshots", matches = "true")
@ResourceLock(UiTests.JAVAFX)
class LabsScreenshotsTest {

    @TempDir
    Path data;

    private final AppDriver app = new AppDriver();

    @BeforeEach
    void start() throws Exception {
        app.start(data);
        app.interact(() -> {
            Stage stage = (Stage) app.find("#main-view").getScene().getWindow();
            stage.setWidth(1280);
            stage.setHeight(800);
        });
    }

    @AfterEach
    void stop() throws Exception {
        app.stop();
    }

    @Test
    void takeScreenshots() throws Exception {
        app.navigate("start", "#path-track-SCS");
        app.clickOn("#path-track-SCS");
        app.waitFor("#module-key-policies");
        Thread.sleep(500);
        shoot("learning-path.png");
        app.navigate("labs", "#labs-view");
        app.until(() -> app.lookup("#lab-row-encryption-context-condition").tryQuery().isPresent());
        app.clickOn("#lab-row-encryption-context-condition");
        Label status = app.find("#lab-status");
        app.until(() -> status.getText().startsWith("The sandbox is ready"));
        app.scrollIntoView("#lab-hint-1");
        app.clickOn("#lab-hint-1");
        app.scrollIntoView("#lab-check");
        app.clickOn("#lab-check");
        app.until(() -> status.getText().contains("checks passed"));
        app.scrollIntoView("#lab-title");
        Thread.sleep(500);
        shoot("labs.png");
        app.scrollIntoView("#lab-open-keylab");
        app.clickOn("#lab-open-keylab");
        app.waitFor("#keylab-sandbox-banner");
        app.clickOn("#keylab-tab-policies");
        app.waitFor("#policies-view");
        Thread.sleep(800);
        shoot("labs-keylab.png");
    }

    private void shoot(String name) throws Exception {
        Path out = Files.createDirectories(Path.of("assets/screenshots"));
        WritableImage[] image = new WritableImage[1];
        app.interact(() -> image[0] = app.find("#main-view").getScene().snapshot(null));
        File file = out.resolve(name).toFile();
        javax.imageio.ImageIO.write(toBuffered(image[0]), "png", file);
    }

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
