package dev.kmslab.ui.study;

import dev.kmslab.study.content.Concept;
import dev.kmslab.ui.markdown.MarkdownRenderer;
import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Study section: the list of concept pages beside the open page, which ends with Watch, Try and Test yourself. */
public final class StudyView extends HBox {

    /** Where the links at the foot of a page lead. */
    public interface Links {
        void openFlow(String flowId);

        void openLab(String labId);

        void testTopics(List<String> topicIds);
    }

    private final StudyViewModel model;
    private final MarkdownRenderer markdown;
    private final Links links;
    private final ListView<Concept> list = new ListView<>();
    private final ScrollPane scroll = new ScrollPane();
    private boolean syncing;

    public StudyView(StudyViewModel model, MarkdownRenderer markdown, Links links) {
        this.model = model;
        this.markdown = markdown;
        this.links = links;
        setId("study");
        getStyleClass().add("study");
        list.setId("study-list");
        list.getStyleClass().add("study-list");
        list.setPrefWidth(260);
        list.setMinWidth(200);
        list.setCellFactory(v -> new ConceptCell());
        list.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null && !syncing) {
                model.show(now.id());
            }
        });
        scroll.setId("study-page-scroll");
        scroll.setFitToWidth(true);
        scroll.getStyleClass().addAll("page-scroll", "edge-to-edge");
        HBox.setHgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(list, scroll);
        // Reaching the end of the page is what "read" means for the learning path.
        scroll.vvalueProperty().addListener((obs, was, now) -> {
            if (now.doubleValue() >= 0.98) {
                model.reachedEnd();
            }
        });
        model.contentProperty().addListener((obs, was, now) -> refresh());
        model.pageProperty().addListener((obs, was, now) -> refresh());
        refresh();
    }

    private void refresh() {
        syncing = true;
        list.getItems().setAll(model.concepts());
        model.concept().ifPresent(c -> {
            list.getSelectionModel().select(c);
            list.scrollTo(c);
        });
        syncing = false;
        VBox page = new VBox();
        page.setId("study-page");
        page.getStyleClass().add("page");
        if (model.concept().isEmpty()) {
            Label hint = new Label(model.concepts().isEmpty() ? "Loading the study content…"
                    : "Choose a page on the left.");
            hint.getStyleClass().add("muted");
            page.getChildren().add(hint);
        } else {
            page.getChildren().addAll(markdown.render(model.markdown()), footer());
        }
        scroll.setContent(page);
        scroll.setVvalue(0);
        // A page short enough to fit has been read once it is shown.
        Platform.runLater(() -> {
            if (scroll.getContent() == page && page.getHeight() > 0
                    && page.getHeight() <= scroll.getViewportBounds().getHeight()) {
                model.reachedEnd();
            }
        });
    }

    private VBox footer() {
        VBox foot = new VBox();
        foot.setId("study-links");
        foot.getStyleClass().add("study-links");
        addRow(foot, "Watch", Feather.PLAY_CIRCLE, "watch-", model.watch(), l -> links.openFlow(l.id()));
        addRow(foot, "Try", Feather.CLIPBOARD, "try-", model.tryLabs(), l -> links.openLab(l.id()));
        List<StudyViewModel.Link> topics = model.testTopics();
        if (!topics.isEmpty()) {
            Button test = new Button("Questions on " + String.join(", ", topics.stream().map(StudyViewModel.Link::title)
                    .toList()), new FontIcon(Feather.AWARD));
            test.setId("test-yourself");
            test.getStyleClass().add("flat");
            test.setWrapText(true);
            test.setOnAction(e -> links.testTopics(topics.stream().map(StudyViewModel.Link::id).toList()));
            foot.getChildren().add(row("Test yourself", test));
        }
        model.next().ifPresent(next -> {
            Button nextButton = new Button("Next: " + next.title(), new FontIcon(Feather.ARROW_RIGHT));
            nextButton.setId("study-next");
            nextButton.setContentDisplay(ContentDisplay.RIGHT);
            nextButton.getStyleClass().add("accent");
            nextButton.setWrapText(true);
            nextButton.setOnAction(e -> model.show(next.id()));
            HBox end = new HBox(nextButton);
            end.setAlignment(Pos.CENTER_RIGHT);
            end.getStyleClass().add("page-footer");
            foot.getChildren().add(end);
        });
        return foot;
    }

    private void addRow(VBox foot, String heading, Ikon icon, String idPrefix, List<StudyViewModel.Link> items,
                        Consumer<StudyViewModel.Link> open) {
        if (items.isEmpty()) {
            return;
        }
        FlowPane buttons = new FlowPane(8, 4);
        for (StudyViewModel.Link link : items) {
            Button b = new Button(link.title(), new FontIcon(icon));
            b.setId(idPrefix + link.id());
            b.getStyleClass().add("flat");
            b.setWrapText(true);
            b.setOnAction(e -> open.accept(link));
            buttons.getChildren().add(b);
        }
        foot.getChildren().add(row(heading, buttons));
    }

    private static VBox row(String heading, javafx.scene.Node body) {
        Label label = new Label(heading);
        label.getStyleClass().add("study-links-heading");
        return new VBox(4, label, body);
    }

    private static final class ConceptCell extends ListCell<Concept> {
        @Override
        protected void updateItem(Concept concept, boolean empty) {
            super.updateItem(concept, empty);
            setText(empty || concept == null ? null : concept.title());
            setId(empty || concept == null ? null : "study-item-" + concept.id());
            setWrapText(true);
            setPrefWidth(0);
        }
    }
}
