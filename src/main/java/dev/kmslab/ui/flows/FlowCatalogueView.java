package dev.kmslab.ui.flows;

import dev.kmslab.flow.FlowDefinition;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The catalogue of flows as cards, grouped by topic; a card opens its flow in the player. */
final class FlowCatalogueView extends ScrollPane {

    FlowCatalogueView(FlowsViewModel vm) {
        setId("flows-catalogue");
        setFitToWidth(true);
        getStyleClass().add("flows-catalogue");
        Label intro = new Label("Watch KMS at work, step by step. Every flow is recorded from real calls on the "
                + "built-in key engine: the keys, IVs and ciphertexts you see are the real bytes.");
        intro.setWrapText(true);
        intro.getStyleClass().add("catalogue-intro");
        VBox page = new VBox(intro);
        page.getStyleClass().addAll("page", "flows-page");
        Map<String, FlowPane> groups = new LinkedHashMap<>();
        for (FlowDefinition def : vm.catalogue()) {
            FlowPane grid = groups.computeIfAbsent(def.category(), c -> {
                Label heading = new Label(c);
                heading.getStyleClass().add("section-heading");
                FlowPane pane = new FlowPane();
                pane.getStyleClass().add("card-grid");
                page.getChildren().addAll(heading, pane);
                return pane;
            });
            grid.getChildren().add(card(vm, def));
        }
        setContent(page);
    }

    private static VBox card(FlowsViewModel vm, FlowDefinition def) {
        Label title = new Label(def.title(), new FontIcon(Feather.PLAY_CIRCLE));
        title.getStyleClass().add("card-title");
        // Longer titles (the multi-Region and custom key store flows) wrap rather than end in "...".
        title.setWrapText(true);
        Label summary = new Label(def.summary());
        summary.setWrapText(true);
        summary.getStyleClass().add("card-summary");
        VBox card = new VBox(title, summary);
        if (def.ownKey()) {
            Label note = new Label("Runs on a scratch key of its own", new FontIcon(Feather.SHIELD));
            note.getStyleClass().add("card-note");
            card.getChildren().add(note);
        }
        card.setId("flow-card-" + def.id());
        card.getStyleClass().addAll("concept-card", "flow-card");
        card.setFocusTraversable(true);
        card.setOnMouseClicked(e -> vm.open(def.id(), Optional.empty()));
        card.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                vm.open(def.id(), Optional.empty());
                e.consume();
            }
        });
        return card;
    }
}
