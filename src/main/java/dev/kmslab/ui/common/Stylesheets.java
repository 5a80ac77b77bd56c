package dev.kmslab.ui.common;

import java.net.URL;

/**
 * The app's own stylesheets under {@code /assets/css}. The build compiles each to JavaFX binary CSS ({@code .bss}),
 * which loads several times faster than parsing the text; the main sheet is read before the first frame. A run
 * without that build step (an IDE that only compiles) falls back to the {@code .css} text, which looks the same.
 */
public final class Stylesheets {

    private Stylesheets() {
    }

    /** The URL to add to a scene or parent for {@code /assets/css/<name>.css}, preferring its compiled form. */
    public static String url(String name) {
        URL binary = Stylesheets.class.getResource("/assets/css/" + name + ".bss");
        if (binary != null) {
            return binary.toExternalForm();
        }
        URL text = Stylesheets.class.getResource("/assets/css/" + name + ".css");
        if (text == null) {
            throw new IllegalArgumentException("no stylesheet /assets/css/" + name + ".css");
        }
        return text.toExternalForm();
    }
}
