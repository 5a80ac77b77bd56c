package dev.kmslab.ui.shell;

import java.util.Locale;
import javafx.scene.Parent;

/** Applies the zoom level to the whole window: the base font size and the icon sizes. */
final class Zoom {

    private static final double BASE_FONT_PX = 14;

    private Zoom() {
    }

    static void apply(Parent root, double zoom) {
        root.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", BASE_FONT_PX * zoom));
        root.getStylesheets().setAll(iconSizes(zoom));
    }

    // Ikonli only understands pixel icon sizes (an em value is read as a huge number), so icons get their own
    // generated stylesheet that follows the zoom level.
    static String iconSizes(double zoom) {
        String css = String.format(Locale.ROOT, ".ikonli-font-icon { -fx-icon-size: %dpx; }"
                        + " .brand .ikonli-font-icon { -fx-icon-size: %dpx; }"
                        + " .nav-button .ikonli-font-icon { -fx-icon-size: %dpx; }"
                        + " .map-hub .ikonli-font-icon { -fx-icon-size: %dpx; }",
                Math.round(16 * zoom), Math.round(26 * zoom), Math.round(18 * zoom), Math.round(24 * zoom));
        return "data:text/css," + java.net.URLEncoder.encode(css, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
    }
}
