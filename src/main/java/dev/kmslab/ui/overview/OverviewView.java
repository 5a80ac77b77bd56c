package dev.kmslab.ui.overview;

import dev.kmslab.study.content.Concept;
import dev.kmslab.study.content.ContentProblem;
import dev.kmslab.study.content.StudyContent;
import dev.kmslab.study.content.Track;
import dev.kmslab.ui.common.HoverTooltip;
import dev.kmslab.ui.markdown.MarkdownRenderer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The service summary: the overview page with exam badges and concept cards, and each concept page. */
public final class OverviewView extends ScrollPane {

    private final OverviewViewModel model;
    private final MarkdownRenderer markdown;
    private final java.util.function.Consumer<String> openConcept;

    public OverviewView(OverviewViewModel model, MarkdownRenderer markdown) {
        this(model, markdown, null);
    }

    /** @param openConcept where a concept card leads (the Study section); null opens the page here */
    public OverviewView(OverviewViewModel model, MarkdownRenderer markdown,
                        java.util.function.Consumer<String> openConcept) {
        this.openConcept = openConcept;
        this.model = model;
        this.markdown = markdown;
        setId("overview");
        setFitToWidth(true);
        getStyleClass().addAll("page-scroll", "edge-to-edge");
        model.contentProperty().addListener((obs, was, now) -> refresh());
        model.pageProperty().addListener((obs, was, now) -> refresh());
        refresh();
    }

    private void refresh() {
        StudyContent content = model.contentProperty().get();
        VBox page = new VBox();
        page.getStyleClass().add("page");
        if (content == null) {
            Label loading = new Label("Loading the study content…");
            loading.getStyleClass().add("muted");
            page.getChildren().add(loading);
        } else if (model.pageProperty().get() == null) {
            fillOverview(page, content);
        } else {
            fillConcept(page, content, model.pageProperty().get());
        }
        setContent(page);
        setVvalue(0);
    }

    private void fillOverview(VBox page, StudyContent content) {
        // Wraps in a narrow window or at a large zoom rather than cutting the exam codes.
        javafx.scene.layout.FlowPane badges = new javafx.scene.layout.FlowPane();
        badges.getStyleClass().add("badge-row");
        badges.setId("exam-badges");
        for (Track track : content.tracks()) {
            Label badge = new Label(track.exam());
            badge.getStyleClass().addAll("exam-badge", "exam-badge-" + track.id().toLowerCase(java.util.Locale.ROOT));
            String tip = track.name() + "\n" + track.minutes() + " minutes · " + track.questions()
                    + " questions · pass mark " + track.passMark();
            if (track.retired()) {
                badge.getStyleClass().add("retired");
                badge.setText(track.exam() + " · retired");
                tip += "\n" + track.retiredNote();
            } else if (!track.retiredNote().isBlank()) {
                tip += "\n" + track.retiredNote();
            }
            HoverTooltip.install(badge, tip);
            badges.getChildren().add(badge);
        }
        page.getChildren().add(badges);
        if (!content.problems().isEmpty()) {
            page.getChildren().add(problems(content));
        }
        page.getChildren().add(markdown.render(content.overviewMarkdown()));
        Label heading = new Label("Concepts");
        heading.getStyleClass().add("section-heading");
        FlowPane cards = new FlowPane();
        cards.setId("concept-cards");
        cards.getStyleClass().add("card-grid");
        for (Concept concept : content.concepts()) {
            cards.getChildren().add(card(concept));
        }
        page.getChildren().addAll(heading, cards);
    }

    private Button card(Concept concept) {
        Label title = new Label(concept.title());
        title.getStyleClass().add("card-title");
        title.setWrapText(true);
        // The title keeps every line it wraps to; the summary below gives up lines (ending in "…") instead.
        title.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label summary = new Label(concept.summary());
        summary.getStyleClass().add("card-summary");
        summary.setWrapText(true);
        VBox box = new VBox(title, summary);
        box.getStyleClass().add("card-body");
        Button card = new Button(null, box);
        card.setId("concept-card-" + concept.id());
        // The card's text is in its graphic; a screen reader announces the accessible text instead.
        card.setAccessibleText(concept.title());
        card.getStyleClass().add("concept-card");
        card.setAlignment(Pos.TOP_LEFT);
        card.setOnAction(e -> {
            if (openConcept != null) {
                openConcept.accept(concept.id());
            } else {
                model.showConcept(concept.id());
            }
        });
        return card;
    }

    private VBox problems(StudyContent content) {
        VBox box = new VBox();
        box.setId("content-problems");
        box.getStyleClass().add("problem-box");
        Label title = new Label("Some study content could not be loaded. The rest works; this is what to fix:");
        title.getStyleClass().add("problem-title");
        title.setWrapText(true);
        box.getChildren().add(title);
        for (ContentProblem problem : content.problems()) {
            Label line = new Label("• " + problem);
            line.setWrapText(true);
            box.getChildren().add(line);
        }
        return box;
    }

    private void fillConcept(VBox page, StudyContent content, String id) {
        Button back = new Button("Back", new FontIcon(Feather.ARROW_LEFT));
        back.setId("back-button");
        back.getStyleClass().add("flat");
        back.setOnAction(e -> model.back());
        Button home = new Button("Overview", new FontIcon(Feather.HOME));
        home.setId("home-button");
        home.getStyleClass().add("flat");
        home.setOnAction(e -> model.home());
        HBox bar = new HBox(back, home);
        bar.getStyleClass().add("page-toolbar");
        page.getChildren().addAll(bar, markdown.render(content.conceptPage(id)));
        model.nextConcept().ifPresent(next -> {
            Button nextButton = new Button("Next: " + next.title(), new FontIcon(Feather.ARROW_RIGHT));
            nextButton.setId("next-concept");
            nextButton.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
            nextButton.getStyleClass().add("accent");
            nextButton.setOnAction(e -> model.showConcept(next.id()));
            HBox foot = new HBox(nextButton);
            foot.setAlignment(Pos.CENTER_RIGHT);
            foot.getStyleClass().add("page-footer");
            page.getChildren().add(foot);
        });
    }
}
