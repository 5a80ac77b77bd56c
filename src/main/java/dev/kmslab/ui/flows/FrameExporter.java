package dev.kmslab.ui.flows;

import dev.kmslab.flow.Flow;
import dev.kmslab.io.AtomicFile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** Writes one PNG per step of the player's flow, numbered for slides: {@code <flow id>-01.png}, … (FX thread). */
final class FrameExporter {

    private FrameExporter() {
    }

    static List<Path> export(FlowPlayerView view, Path dir) throws IOException {
        FlowPlayerModel model = view.model();
        Flow flow = model.flowProperty().get();
        if (flow == null) {
            return List.of();
        }
        int at = model.indexProperty().get();
        double millis = model.stepMillisProperty().get();
        model.pause();
        model.setStepMillis(0);
        List<Path> files = new ArrayList<>();
        try {
            for (int i = 0; i < flow.steps().size(); i++) {
                model.jump(i);
                view.settle();
                WritableImage image = view.snapshot(null, null);
                Path file = dir.resolve(String.format(Locale.ROOT, "%s-%02d.png", flow.id(), i + 1));
                AtomicFile.write(file, png(image));
                files.add(file);
            }
        } finally {
            model.jump(Math.max(0, at));
            model.setStepMillis(millis);
        }
        return files;
    }

    // Copies the pixels by hand so the export needs no javafx-swing module.
    static byte[] png(WritableImage image) throws IOException {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getPixelReader().getPixels(0, y, w, 1, PixelFormat.getIntArgbInstance(), row, 0, w);
            out.setRGB(0, y, w, 1, row, 0, w);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(out, "png", bytes);
        return bytes.toByteArray();
    }
}
