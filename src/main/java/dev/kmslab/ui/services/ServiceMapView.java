package dev.kmslab.ui.services;

import dev.kmslab.study.content.ServiceEntry;
import dev.kmslab.study.content.StudyContent;
import dev.kmslab.study.content.Track;
import dev.kmslab.ui.markdown.MarkdownRenderer;
import dev.kmslab.ui.common.Navigator;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The related-service map with its track filter and the side panel of the selected service. */
public final class ServiceMapView extends BorderPane {

    /** Services with an animated flow in the Flows section, by service id. */
    static final java.util.Map<String, String> FLOWS = java.util.Map.of("s3", "s3-sse-kms", "ebs", "grant-ebs",
            "secrets-manager", "secrets-manager-read", "lambda", "lambda-env");

    private final ServiceMapViewModel model;
    private final MarkdownRenderer markdown;
    private final Navigator navigator;
    private final ServiceMapPane map;
    // Wraps onto a second row in a narrow window or at a large zoom rather than cutting the exam names.
    private final javafx.scene.layout.FlowPane filters = new javafx.scene.layout.FlowPane();
    private final ScrollPane panel = new ScrollPane();

    public ServiceMapView(ServiceMapViewModel model, MarkdownRenderer markdown, Navigator navigator) {
        this.model = model;
        this.markdown = markdown;
        this.navigator = navigator;
        setId("service-map-view");
        Label hub = new Label("AWS KMS", new FontIcon(Feather.KEY));
        hub.setId("map-hub");
        hub.getStyleClass().add("map-hub");
        map = new ServiceMapPane(hub);
        map.setId("service-map");
        filters.getStyleClass().add("map-filters");
        Label hint = new Label("Click a service, or Tab to it and press Enter, to see how it uses KMS.");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        VBox top = new VBox(filters, hint);
        top.getStyleClass().add("map-top");
        setTop(top);
        // Below its minimum (in em, kmslab.css: a 1024-pixel window at 150% zoom with a service open) the map scrolls
        // instead of piling its services on top of each other.
        javafx.scene.control.ScrollPane mapScroll = new javafx.scene.control.ScrollPane(map);
        mapScroll.setId("service-map-scroll");
        // Fit to width, and below the map's minimum (the hub with the widest name on each side) it scrolls sideways.
        mapScroll.getStyleClass().addAll("service-map-scroll", "edge-to-edge", "scrolls-sideways");
        mapScroll.setFitToWidth(true);
        mapScroll.setFitToHeight(true);
        setCenter(mapScroll);
        panel.setId("service-panel");
        panel.getStyleClass().add("side-panel");
        panel.setFitToWidth(true);
        // The panel gives the map room on a small window: 40% of the width, kept between 20 and 28.5 em (280 and
        // 400 px at 100%) by kmslab.css, so at a large zoom its header and summary still fit inside it.
        panel.setPrefWidth(400);
        widthProperty().addListener((obs, was, now) -> panel.setPrefWidth(now.doubleValue() * 0.4));
        model.contentProperty().addListener((obs, was, now) -> rebuild());
        model.selectedProperty().addListener((obs, was, now) -> showPanel(now));
        model.hoveredProperty().addListener((obs, was, now) -> restyle());
        model.trackFilterProperty().addListener((obs, was, now) -> restyle());
        rebuild();
    }

    private void rebuild() {
        StudyContent content = model.contentProperty().get();
        filters.getChildren().clear();
        if (content == null) {
            map.setSpokes(List.of());
            return;
        }
        ToggleGroup group = new ToggleGroup();
        ToggleButton all = filter("All services", null, group);
        all.setSelected(true);
        filters.getChildren().add(all);
        for (Track track : content.tracks()) {
            filters.getChildren().add(filter(track.exam(), track.id(), group));
        }
        List<ServiceMapPane.Spoke> spokes = new ArrayList<>();
        for (ServiceEntry service : content.services()) {
            spokes.add(spoke(service));
        }
        map.setSpokes(spokes);
        restyle();
    }

    private ToggleButton filter(String text, String trackId, ToggleGroup group) {
        ToggleButton button = new ToggleButton(text);
        button.setId("map-filter-" + (trackId == null ? "all" : trackId));
        button.setToggleGroup(group);
        button.getStyleClass().add("map-filter");
        button.setOnAction(e -> {
            if (!button.isSelected()) {
                button.setSelected(true);
            }
            model.trackFilterProperty().set(trackId);
        });
        return button;
    }

    private ServiceMapPane.Spoke spoke(ServiceEntry service) {
        Label node = new Label(service.name());
        node.setId("service-" + service.id());
        node.getStyleClass().add("map-node");
        node.setWrapText(true);
        node.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        node.setFocusTraversable(true);
        node.setTooltip(new Tooltip(service.summary()));
        node.setOnMouseEntered(e -> model.hover(service.id()));
        node.setOnMouseExited(e -> model.hover(null));
        node.focusedProperty().addListener((obs, was, now) -> model.hover(now ? service.id() : null));
        node.setOnMouseClicked(e -> model.select(service.id()));
        node.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                model.select(service.id());
                e.consume();
            }
        });
        Line edge = new Line();
        edge.getStyleClass().add("map-edge");
        Label edgeLabel = new Label(service.edgeLabel());
        edgeLabel.getStyleClass().add("map-edge-label");
        edgeLabel.setMouseTransparent(true);
        return new ServiceMapPane.Spoke(service, node, edge, edgeLabel);
    }

    private void restyle() {
        String hovered = model.hoveredProperty().get();
        ServiceEntry selected = model.selectedProperty().get();
        for (ServiceMapPane.Spoke s : map.spokes()) {
            boolean hot = s.service().id().equals(hovered)
                    || (selected != null && selected.id().equals(s.service().id()));
            boolean dim = !model.inFocus(s.service());
            toggle(s.node(), "hot", hot);
            toggle(s.edge(), "hot", hot);
            toggle(s.edgeLabel(), "hot", hot);
            toggle(s.node(), "dim", dim);
            toggle(s.edge(), "dim", dim);
            toggle(s.edgeLabel(), "dim", dim);
        }
    }

    private static void toggle(javafx.scene.Node node, String style, boolean on) {
        node.getStyleClass().remove(style);
        if (on) {
            node.getStyleClass().add(style);
        }
    }

    private void showPanel(ServiceEntry service) {
        restyle();
        if (service == null) {
            setRight(null);
            return;
        }
        Label name = new Label(service.name());
        name.setId("service-panel-title");
        name.getStyleClass().add("panel-title");
        name.setWrapText(true);
        Button close = new Button(null, new FontIcon(Feather.X));
        close.setId("service-panel-close");
        close.getStyleClass().addAll("flat", "button-icon");
        close.setTooltip(new Tooltip("Close (Esc)"));
        // Icon only: what a screen reader announces.
        close.setAccessibleText("Close the service panel");
        close.setOnAction(e -> model.close());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox header = new HBox(name, grow, close);
        header.setAlignment(Pos.TOP_LEFT);
        Label summary = new Label(service.summary());
        summary.setWrapText(true);
        summary.getStyleClass().add("panel-summary");
        VBox body = new VBox(header, summary, heading("How it uses KMS"), markdown.render(service.details()));
        body.getStyleClass().add("panel-body");
        String flowId = FLOWS.get(service.id());
        // grant-ebs waits for grants in the engine; the button appears once the catalogue has the flow.
        if (flowId != null && dev.kmslab.flow.FlowCatalogue.find(flowId).isPresent()) {
            Button watch = new Button("Watch it", new FontIcon(Feather.PLAY_CIRCLE));
            watch.setId("service-watch");
            watch.getStyleClass().add("accent");
            watch.setTooltip(new Tooltip("Watch " + service.name() + " use KMS, step by step with the real bytes"));
            watch.setOnAction(e -> navigator.showFlow(flowId));
            body.getChildren().add(2, watch);
        }
        body.getChildren().addAll(heading("KMS API calls"), chips(service.apiCalls(), "api-chip"));
        body.getChildren().addAll(heading("Exam tracks"), chips(service.tracks(), "track-chip"));
        if (!service.examTip().isBlank()) {
            Label tip = new Label(service.examTip(), new FontIcon(Feather.AWARD));
            tip.setId("service-panel-tip");
            tip.setWrapText(true);
            tip.getStyleClass().add("exam-tip");
            body.getChildren().addAll(heading("Exam tip"), tip);
        }
        if (!service.concepts().isEmpty() || service.reference() != null) {
            body.getChildren().add(heading("Read more"));
            StudyContent content = model.contentProperty().get();
            for (String conceptId : service.concepts()) {
                String title = content.concept(conceptId).map(c -> c.title()).orElse(conceptId);
                Hyperlink link = new Hyperlink(title);
                link.setOnAction(e -> navigator.showConcept(conceptId));
                body.getChildren().add(link);
            }
            if (service.reference() != null) {
                Hyperlink doc = new Hyperlink(service.reference().title(), new FontIcon(Feather.EXTERNAL_LINK));
                doc.setOnAction(e -> navigator.openExternal(service.reference().url()));
                body.getChildren().add(doc);
            }
        }
        panel.setContent(body);
        panel.setVvalue(0);
        setRight(panel);
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("panel-heading");
        return label;
    }

    private static FlowPane chips(List<String> values, String style) {
        FlowPane pane = new FlowPane();
        pane.getStyleClass().add("chip-row");
        for (String value : values) {
            Label chip = new Label(value);
            chip.getStyleClass().addAll("chip", style);
            pane.getChildren().add(chip);
        }
        return pane;
    }
}
