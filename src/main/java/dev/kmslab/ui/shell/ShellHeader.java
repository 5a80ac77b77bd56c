package dev.kmslab.ui.shell;

import dev.kmslab.ui.common.HoverTooltip;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The bar above the current section: its title and the search button. */
final class ShellHeader extends HBox {

    private final Label title = new Label();

    ShellHeader(Runnable openSearch) {
        title.setId("section-title");
        title.getStyleClass().add("section-title");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Button searchButton = new Button("Search", new FontIcon(Feather.SEARCH));
        searchButton.setId("search-button");
        HoverTooltip.install(searchButton, "Search everything (Ctrl+F)");
        searchButton.setOnAction(e -> openSearch.run());
        // A long page title (a concept's) gives way in a narrow window or at a large zoom, its whole text a tooltip
        // away; the search button keeps its width.
        searchButton.setMinWidth(Region.USE_PREF_SIZE);
        javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip();
        whole.textProperty().bind(title.textProperty());
        title.setTooltip(whole);
        getChildren().addAll(title, grow, searchButton);
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("header");
    }

    void showTitle(ObservableStringValue heading) {
        title.textProperty().bind(heading);
    }
}
