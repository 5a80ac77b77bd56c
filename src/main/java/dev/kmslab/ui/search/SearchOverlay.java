package dev.kmslab.ui.search;

import dev.kmslab.study.content.ContentSearch;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A command-palette style search box over the whole window: type, move with the arrow keys, Enter to jump, Esc to
 * close. An overlay rather than a dialog so it opens instantly and keeps the page visible behind it.
 */
public final class SearchOverlay extends StackPane {

    private final TextField field = new TextField();
    private final ListView<ContentSearch.Hit> list = new ListView<>();

    public SearchOverlay(SearchViewModel model, Consumer<ContentSearch.Hit> onPick, Runnable onClose) {
        setId("search-overlay");
        getStyleClass().add("search-overlay");
        field.setId("search-field");
        field.setPromptText("Search pages, services, checklists, flows, labs and quiz questions");
        field.textProperty().bindBidirectional(model.queryProperty());
        list.setId("search-results");
        list.setItems(model.results());
        list.setCellFactory(v -> new HitCell());
        list.setPrefHeight(360);
        Label empty = new Label("Type to search. Enter opens the highlighted result.");
        empty.getStyleClass().add("muted");
        list.setPlaceholder(empty);
        model.results().addListener((javafx.collections.ListChangeListener<ContentSearch.Hit>) c -> {
            if (!model.results().isEmpty()) {
                list.getSelectionModel().select(0);
            }
        });
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN) {
                list.getSelectionModel().selectNext();
                e.consume();
            } else if (e.getCode() == KeyCode.UP) {
                list.getSelectionModel().selectPrevious();
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER) {
                pick(onPick);
                e.consume();
            }
        });
        list.setOnMouseClicked(e -> pick(onPick));
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                onClose.run();
                e.consume();
            }
        });
        setOnMouseClicked(e -> {
            if (e.getTarget() == this) {
                onClose.run();
            }
        });
        Label title = new Label("Search", new FontIcon(Feather.SEARCH));
        title.getStyleClass().add("search-title");
        VBox box = new VBox(title, field, list);
        box.getStyleClass().add("search-box");
        box.setMaxWidth(640);
        box.setMaxHeight(VBox.USE_PREF_SIZE);
        StackPane.setAlignment(box, Pos.TOP_CENTER);
        getChildren().add(box);
    }

    public void focusField() {
        field.requestFocus();
        field.selectAll();
    }

    private void pick(Consumer<ContentSearch.Hit> onPick) {
        ContentSearch.Hit hit = list.getSelectionModel().getSelectedItem();
        if (hit != null) {
            onPick.accept(hit);
        }
    }

    /** The text with the stretches that matched the query set apart (style class {@code hit-match}). */
    static javafx.scene.text.TextFlow highlighted(String text, java.util.List<ContentSearch.Match> matches,
                                                  String styleClass) {
        javafx.scene.text.TextFlow flow = new javafx.scene.text.TextFlow();
        flow.getStyleClass().add(styleClass);
        int at = 0;
        for (ContentSearch.Match m : matches) {
            if (m.start() > at) {
                flow.getChildren().add(part(text.substring(at, m.start()), styleClass, false));
            }
            flow.getChildren().add(part(text.substring(m.start(), m.end()), styleClass, true));
            at = m.end();
        }
        if (at < text.length()) {
            flow.getChildren().add(part(text.substring(at), styleClass, false));
        }
        return flow;
    }

    private static javafx.scene.text.Text part(String text, String styleClass, boolean match) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(text);
        t.getStyleClass().add(styleClass + "-text");
        if (match) {
            t.getStyleClass().add("hit-match");
        }
        return t;
    }

    private static final class HitCell extends ListCell<ContentSearch.Hit> {
        @Override
        protected void updateItem(ContentSearch.Hit hit, boolean empty) {
            super.updateItem(hit, empty);
            if (empty || hit == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            javafx.scene.text.TextFlow title = highlighted(hit.title(), hit.titleMatches(), "hit-title");
            Label where = new Label(hit.context());
            where.getStyleClass().add("hit-context");
            javafx.scene.text.TextFlow snippet = highlighted(hit.snippet(), hit.snippetMatches(), "hit-snippet");
            snippet.setPrefWidth(540);
            VBox box = new VBox(new javafx.scene.layout.HBox(8, title, where), snippet);
            box.setMaxWidth(560);
            setGraphic(box);
            setText(null);
        }
    }
}
