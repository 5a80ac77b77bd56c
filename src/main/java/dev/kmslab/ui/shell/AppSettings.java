package dev.kmslab.ui.shell;

/**
 * What the app remembers between runs: theme, zoom, the main window's bounds and the section last shown. Unknown or missing fields fall back
 * to defaults so an older or hand-edited file still loads.
 */
public record AppSettings(String theme, double zoom, WindowBounds window, String section) {

    public static final double MIN_ZOOM = 0.7;
    public static final double MAX_ZOOM = 2.5;

    /** Window position and size; {@code width <= 0} means "not yet known, centre a default-size window". */
    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
        public static WindowBounds unknown() {
            return new WindowBounds(0, 0, 0, 0, false);
        }

        public boolean known() {
            return width > 0 && height > 0;
        }
    }

    public AppSettings {
        theme = "dark".equals(theme) ? "dark" : "light";
        zoom = zoom <= 0 ? 1.0 : Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom));
        window = window == null ? WindowBounds.unknown() : window;
        section = section == null ? "" : section;
    }

    public static AppSettings defaults() {
        return new AppSettings("light", 1.0, WindowBounds.unknown(), "");
    }

    public boolean dark() {
        return "dark".equals(theme);
    }

    public AppSettings withTheme(boolean dark) {
        return new AppSettings(dark ? "dark" : "light", zoom, window, section);
    }

    public AppSettings withZoom(double newZoom) {
        return new AppSettings(theme, newZoom, window, section);
    }

    public AppSettings withWindow(WindowBounds bounds) {
        return new AppSettings(theme, zoom, bounds, section);
    }

    /** The id of the section to reopen; empty when none was shown yet. */
    public AppSettings withSection(String id) {
        return new AppSettings(theme, zoom, window, id);
    }
}
