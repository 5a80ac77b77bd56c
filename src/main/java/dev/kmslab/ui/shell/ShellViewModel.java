package dev.kmslab.ui.shell;

import dev.kmslab.io.JsonFileStore;
import java.io.IOException;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the main window that outlives a run — theme, zoom, bounds — and the notices shown to the learner. Every
 * change is saved at once; a failed save becomes a notice instead of an exception in the UI.
 */
public final class ShellViewModel {

    static final double ZOOM_STEP = 0.1;

    private final JsonFileStore<AppSettings> store;
    private final BooleanProperty dark = new SimpleBooleanProperty();
    private final javafx.beans.property.ReadOnlyDoubleWrapper zoom = new javafx.beans.property.ReadOnlyDoubleWrapper(1.0);
    private final ReadOnlyStringWrapper selectedSection = new ReadOnlyStringWrapper();
    private final ObservableList<String> notices = FXCollections.observableArrayList();
    private AppSettings settings;

    public ShellViewModel(JsonFileStore<AppSettings> store) {
        this(store, store.load());
    }

    /** For settings already read from {@code store} (the app reads them off the FX thread at start-up). */
    public ShellViewModel(JsonFileStore<AppSettings> store, JsonFileStore.Loaded<AppSettings> loaded) {
        this.store = store;
        this.settings = loaded.value();
        loaded.notice().ifPresent(notices::add);
        dark.set(settings.dark());
        zoom.set(settings.zoom());
        dark.addListener((obs, was, now) -> update(settings.withTheme(now)));
        zoom.addListener((obs, was, now) -> update(settings.withZoom(now.doubleValue())));
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public javafx.beans.property.ReadOnlyDoubleProperty zoomProperty() {
        return zoom.getReadOnlyProperty();
    }

    /** The id of the section on screen; change it with {@link #showSection(String)}. */
    public ReadOnlyStringProperty selectedSectionProperty() {
        return selectedSection.getReadOnlyProperty();
    }

    /** Puts section {@code id} on screen. */
    public void showSection(String id) {
        selectedSection.set(id);
        if (id != null && !id.equals(settings.section())) {
            update(settings.withSection(id));
        }
    }

    /** The section to open at start-up: the one shown last, or {@code otherwise} when none was (or it is gone). */
    public String sectionToReopen(java.util.Set<String> known, String otherwise) {
        return known.contains(settings.section()) ? settings.section() : otherwise;
    }

    public ObservableList<String> notices() {
        return notices;
    }

    public AppSettings settings() {
        return settings;
    }

    public void zoomIn() {
        zoom.set(clamp(round(zoom.get() + ZOOM_STEP)));
    }

    public void zoomOut() {
        zoom.set(clamp(round(zoom.get() - ZOOM_STEP)));
    }

    public void resetZoom() {
        zoom.set(1.0);
    }

    public void rememberWindow(AppSettings.WindowBounds bounds) {
        update(settings.withWindow(bounds));
    }

    /** Shows a message once (for example a damaged progress file that was moved aside). */
    public void notice(Optional<String> message) {
        message.ifPresent(notices::add);
    }

    private void update(AppSettings next) {
        settings = next;
        try {
            store.save(next);
        } catch (IOException e) {
            notices.add("Settings could not be saved to " + store.file() + ": " + e.getMessage());
        }
    }

    private static double clamp(double value) {
        return Math.max(AppSettings.MIN_ZOOM, Math.min(AppSettings.MAX_ZOOM, value));
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
