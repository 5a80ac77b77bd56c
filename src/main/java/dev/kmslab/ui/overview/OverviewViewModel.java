package dev.kmslab.ui.overview;

import dev.kmslab.study.content.Concept;
import dev.kmslab.study.content.StudyContent;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/** Which page of the service summary is open — the overview or one concept — with a back history. */
public final class OverviewViewModel {

    private final javafx.beans.property.ReadOnlyObjectWrapper<StudyContent> content = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper page = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper canGoBack = new ReadOnlyBooleanWrapper();
    private final Deque<String> history = new ArrayDeque<>();

    public javafx.beans.property.ReadOnlyObjectProperty<StudyContent> contentProperty() {
        return content.getReadOnlyProperty();
    }

    /** The study content, once it has loaded. */
    public void setContent(StudyContent value) {
        content.set(value);
    }

    /** The open concept's id, or null while the overview itself is shown. */
    public ReadOnlyStringProperty pageProperty() {
        return page.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canGoBackProperty() {
        return canGoBack.getReadOnlyProperty();
    }

    public void showConcept(String id) {
        if (id.equals(page.get())) {
            return;
        }
        history.push(page.get() == null ? "" : page.get());
        page.set(id);
        canGoBack.set(true);
    }

    public void back() {
        if (history.isEmpty()) {
            return;
        }
        String previous = history.pop();
        page.set(previous.isEmpty() ? null : previous);
        canGoBack.set(!history.isEmpty());
    }

    public void home() {
        history.clear();
        page.set(null);
        canGoBack.set(false);
    }

    /** The concept after the open one in reading order, for the "next" link at the foot of a page. */
    public Optional<Concept> nextConcept() {
        StudyContent c = content.get();
        if (c == null || page.get() == null) {
            return Optional.empty();
        }
        List<Concept> concepts = c.concepts();
        for (int i = 0; i < concepts.size() - 1; i++) {
            if (concepts.get(i).id().equals(page.get())) {
                return Optional.of(concepts.get(i + 1));
            }
        }
        return Optional.empty();
    }
}
