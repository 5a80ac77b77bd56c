package dev.kmslab.ui.shell;

import dev.kmslab.ui.common.HoverTooltip;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The left column: brand, one button per section, the endpoint panel, the theme switch and the zoom level. */
final class Sidebar extends VBox {

    private final ToggleGroup navGroup = new ToggleGroup();

    Sidebar(List<Section> sections, ShellViewModel shell, Node endpointPanel) {
        Label brand = new Label("KMS Lab", new FontIcon(Feather.KEY));
        brand.setId("brand");
        brand.getStyleClass().add("brand");
        VBox nav = new VBox();
        nav.getStyleClass().add("nav");
        for (int i = 0; i < sections.size(); i++) {
            nav.getChildren().add(navButton(sections.get(i), i + 1, shell));
        }
        // The section buttons scroll when the window is too short for all of them (a small laptop at 150% zoom),
        // so the endpoint panel, the theme switch and the zoom level below them stay in the window.
        ScrollPane navScroll = new ScrollPane(nav);
        navScroll.setId("nav-scroll");
        navScroll.getStyleClass().addAll("nav-scroll", "edge-to-edge");
        navScroll.setFitToWidth(true);
        navScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        navScroll.setMinHeight(0);
        VBox.setVgrow(navScroll, Priority.ALWAYS);
        getChildren().addAll(brand, navScroll, endpointPanel, themeRow(shell), zoomLabel(shell));
        setId("sidebar");
        getStyleClass().add("sidebar");
    }

    /** Marks the button of section {@code id} as the selected one. */
    void select(String id) {
        for (Toggle toggle : navGroup.getToggles()) {
            toggle.setSelected(("nav-" + id).equals(((ToggleButton) toggle).getId()));
        }
    }

    private ToggleButton navButton(Section section, int shortcut, ShellViewModel shell) {
        ToggleButton button = new ToggleButton(section.title(), new FontIcon(section.icon()));
        button.setId("nav-" + section.id());
        button.setToggleGroup(navGroup);
        button.getStyleClass().add("nav-button");
        button.setMaxWidth(Double.MAX_VALUE);
        button.setAlignment(Pos.CENTER_LEFT);
        HoverTooltip.install(button, section.title() + " (Ctrl+" + shortcut + ")");
        button.setOnAction(e -> {
            // A toggle button deselects itself on a second click; the current section stays marked.
            button.setSelected(true);
            shell.showSection(section.id());
        });
        return button;
    }

    private static HBox themeRow(ShellViewModel shell) {
        atlantafx.base.controls.ToggleSwitch toggle = new atlantafx.base.controls.ToggleSwitch();
        toggle.setId("theme-switch");
        toggle.selectedProperty().bindBidirectional(shell.darkProperty());
        Label darkLabel = new Label("Dark theme");
        darkLabel.setId("theme-label");
        darkLabel.setLabelFor(toggle);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox dark = new HBox(darkLabel, gap, toggle);
        dark.setAlignment(Pos.CENTER_LEFT);
        dark.getStyleClass().add("theme-row");
        // The switch only reacts to its own track, so the label beside it toggles too, as learners expect.
        darkLabel.setOnMouseClicked(e -> toggle.setSelected(!toggle.isSelected()));
        return dark;
    }

    private static Label zoomLabel(ShellViewModel shell) {
        Label zoom = new Label();
        zoom.setId("zoom-label");
        zoom.getStyleClass().add("muted");
        zoom.textProperty().bind(shell.zoomProperty().multiply(100).asString("Zoom %.0f%%"));
        HoverTooltip.install(zoom, "Ctrl+= zooms in, Ctrl+- zooms out, Ctrl+0 resets");
        return zoom;
    }
}
