package dev.kmslab.ui.search;

import dev.kmslab.study.content.ContentSearch;
import dev.kmslab.study.content.StudyContent;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Search across concepts, services, checklist items, flows, labs and quiz questions; results update as the learner
 * types.
 */
public final class SearchViewModel {

    public static final int LIMIT = 30;

    private final javafx.beans.property.ReadOnlyObjectWrapper<StudyContent> content = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<ContentSearch.Hit> results = FXCollections.observableArrayList();
    private ContentSearch search;
    private java.util.List<ContentSearch.Entry> labs = java.util.List.of();
    private java.util.List<ContentSearch.Entry> questions = java.util.List.of();

    public SearchViewModel() {
        content.addListener((obs, was, now) -> rebuild());
        query.addListener((obs, was, now) -> refresh());
    }

    /** Labs become searchable once they have loaded. */
    public void setLabs(dev.kmslab.study.labs.LabCatalogue catalogue) {
        labs = dev.kmslab.study.content.SearchEntries.labs(catalogue);
        rebuild();
    }

    /** Quiz questions become searchable once the bank has loaded. */
    public void setQuestions(dev.kmslab.study.quiz.QuestionBank bank) {
        questions = bank == null ? java.util.List.of() : dev.kmslab.study.content.SearchEntries.questions(bank);
        rebuild();
    }

    // Flows are always there (the catalogue is code); labs and questions join when they load.
    private void rebuild() {
        StudyContent now = content.get();
        java.util.List<ContentSearch.Entry> more = new java.util.ArrayList<>();
        for (dev.kmslab.flow.FlowDefinition f : dev.kmslab.flow.FlowCatalogue.all()) {
            more.add(new ContentSearch.Entry(ContentSearch.Kind.FLOW, f.id(), f.title(), "Flow · " + f.category(),
                    f.summary()));
        }
        more.addAll(labs);
        more.addAll(questions);
        search = now == null ? null : new ContentSearch(now, more);
        refresh();
    }

    public javafx.beans.property.ReadOnlyObjectProperty<StudyContent> contentProperty() {
        return content.getReadOnlyProperty();
    }

    /** The study content, once it has loaded. */
    public void setContent(StudyContent value) {
        content.set(value);
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<ContentSearch.Hit> results() {
        return results;
    }

    private void refresh() {
        if (search == null || query.get() == null || query.get().isBlank()) {
            results.clear();
            return;
        }
        results.setAll(search.search(query.get(), LIMIT));
    }
}
