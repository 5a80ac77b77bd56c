package dev.kmslab.ui.study;

import dev.kmslab.flow.FlowCatalogue;
import dev.kmslab.study.content.Concept;
import dev.kmslab.study.content.StudyContent;
import dev.kmslab.study.labs.LabCatalogue;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The Study section: the concept pages in reading order, the one open, the header's name for it, and the links at
 * its foot — "Watch" (its flows), "Try" (labs that name it) and "Test yourself" (its quiz topics).
 */
public final class StudyViewModel {

    /** The heading while no page is open. */
    public static final String TITLE = "Study";

    /** A link at the foot of a page: what it opens (flow or lab id) and its label. */
    public record Link(String id, String title) {
    }

    private final javafx.beans.property.ReadOnlyObjectWrapper<StudyContent> content = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper page = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(TITLE);
    private final Consumer<String> onRead;
    private LabCatalogue labs = LabCatalogue.empty();

    /** @param onRead told the concept id when the learner reaches the end of a page */
    public StudyViewModel(Consumer<String> onRead) {
        this.onRead = onRead;
        content.addListener((obs, was, now) -> retitle());
        page.addListener((obs, was, now) -> retitle());
    }

    public javafx.beans.property.ReadOnlyObjectProperty<StudyContent> contentProperty() {
        return content.getReadOnlyProperty();
    }

    /** The study content, once it has loaded. */
    public void setContent(StudyContent value) {
        content.set(value);
    }

    /** The open concept's id; the first page when none was chosen yet. */
    public ReadOnlyStringProperty pageProperty() {
        return page.getReadOnlyProperty();
    }

    /** What the header shows: the open page's title. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public List<Concept> concepts() {
        return content.get() == null ? List.of() : content.get().concepts();
    }

    public void setLabs(LabCatalogue labs) {
        this.labs = labs;
    }

    public void show(String conceptId) {
        page.set(conceptId);
    }

    /** Opens the first page when the section is entered with nothing open. */
    public void showFirstIfNone() {
        if (page.get() == null && !concepts().isEmpty()) {
            page.set(concepts().get(0).id());
        }
    }

    public Optional<Concept> concept() {
        return content.get() == null || page.get() == null ? Optional.empty() : content.get().concept(page.get());
    }

    public String markdown() {
        return content.get() == null || page.get() == null ? "" : content.get().conceptPage(page.get());
    }

    /** The learner scrolled to the end of the open page (or it fits without scrolling). */
    public void reachedEnd() {
        concept().ifPresent(c -> onRead.accept(c.id()));
    }

    public List<Link> watch() {
        return concept().map(c -> c.flows().stream().map(FlowCatalogue::find).flatMap(Optional::stream)
                .map(f -> new Link(f.id(), f.title())).collect(Collectors.toList())).orElse(List.of());
    }

    public List<Link> tryLabs() {
        return concept().map(c -> labs.forConcept(c.id()).stream().map(l -> new Link(l.id(), l.title()))
                .collect(Collectors.toList())).orElse(List.of());
    }

    /** The quiz topics the page prepares for, with their titles. */
    public List<Link> testTopics() {
        StudyContent c = content.get();
        return concept().map(concept -> concept.topics().stream().map(t -> new Link(t, c.topics().stream()
                .filter(topic -> topic.id().equals(t)).map(topic -> topic.title()).findFirst().orElse(t)))
                .collect(Collectors.toList())).orElse(List.of());
    }

    /** The page after the open one in reading order. */
    public Optional<Concept> next() {
        List<Concept> all = concepts();
        for (int i = 0; i < all.size() - 1; i++) {
            if (all.get(i).id().equals(page.get())) {
                return Optional.of(all.get(i + 1));
            }
        }
        return Optional.empty();
    }

    private void retitle() {
        title.set(concept().map(Concept::title).orElse(TITLE));
    }
}
