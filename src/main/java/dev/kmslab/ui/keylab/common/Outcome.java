package dev.kmslab.ui.keylab.common;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The last outcome of a section's operations: a success line or an error, never both. Each section of the tab owns
 * one, so an error in the MAC section does not hide a signature shown in the Sign section.
 */
public final class Outcome {

    private final StringProperty status = new SimpleStringProperty("");
    private final ObjectProperty<LabError> error = new SimpleObjectProperty<>();

    public void done(String message) {
        error.set(null);
        status.set(message);
    }

    public void failed(LabError e) {
        status.set("");
        error.set(e);
    }

    public void clear() {
        status.set("");
        error.set(null);
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyObjectProperty<LabError> errorProperty() {
        return error;
    }

    public String status() {
        return status.get();
    }

    /** The error code shown, or "" when there is none. */
    public String errorCode() {
        return error.get() == null ? "" : error.get().code();
    }
}
