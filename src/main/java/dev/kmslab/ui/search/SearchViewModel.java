package dev.kmslab.ui.search;

import dev.kmslab.study.content.ContentSearch;
import dev.kmslab.study.content.StudyContent;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Search across concepts, services and checklist items; results update as the learner types. */
public final class SearchViewModel {

    public static final int LIMIT = 30;

    private final ObjectProperty<StudyContent> content = new SimpleObjectProperty<>();
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<ContentSearch.Hit> results = FXCollections.observableArrayList();
    private ContentSearch search;

    public SearchViewModel() {
        content.addListener((obs, was, now) -> {
            search = now == null ? null : new ContentSearch(now);
            refresh();
        });
        query.addListener((obs, was, now) -> refresh());
    }

    public ObjectProperty<StudyContent> contentProperty() {
        return content;
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
