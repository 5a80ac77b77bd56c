package dev.kmslab.ui.services;

import dev.kmslab.study.content.ServiceEntry;
import dev.kmslab.study.content.StudyContent;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The map's state: which service is open in the side panel, which is hovered, and the exam track in focus. */
public final class ServiceMapViewModel {

    private final javafx.beans.property.ReadOnlyObjectWrapper<StudyContent> content = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final javafx.beans.property.ReadOnlyObjectWrapper<ServiceEntry> selected = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final javafx.beans.property.ReadOnlyStringWrapper hovered = new javafx.beans.property.ReadOnlyStringWrapper();
    private final StringProperty trackFilter = new SimpleStringProperty();

    public javafx.beans.property.ReadOnlyObjectProperty<StudyContent> contentProperty() {
        return content.getReadOnlyProperty();
    }

    /** The study content, once it has loaded. */
    public void setContent(StudyContent value) {
        content.set(value);
    }

    public javafx.beans.property.ReadOnlyObjectProperty<ServiceEntry> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyStringProperty hoveredProperty() {
        return hovered.getReadOnlyProperty();
    }

    /** The service under the pointer or focus ({@code null}: none). */
    public void hover(String value) {
        hovered.set(value);
    }

    /** An exam track id such as {@code SAA}, or null for all; services that track cares about stay bright. */
    public StringProperty trackFilterProperty() {
        return trackFilter;
    }

    public List<ServiceEntry> services() {
        return content.get() == null ? List.of() : content.get().services();
    }

    public void select(String serviceId) {
        selected.set(find(serviceId).orElse(null));
    }

    public void close() {
        selected.set(null);
    }

    public boolean inFocus(ServiceEntry service) {
        String track = trackFilter.get();
        return track == null || service.tracks().contains(track);
    }

    public Optional<ServiceEntry> find(String id) {
        return services().stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
