package dev.kmslab.ui.path;

import dev.kmslab.study.path.ModuleProgress;
import dev.kmslab.study.path.PathModule;
import dev.kmslab.study.path.PathProgress;
import dev.kmslab.ui.common.HoverTooltip;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** "Start here": choose the exam, then work down its path; every step shows a tick once it is really done. */
public final class StartHereView extends ScrollPane {

    /** Where a step's button leads. */
    public interface Links {
        void openConcept(String conceptId);

        void openFlow(String flowId);

        void openLab(String labId);

        void testTopic(String topicId, String trackId);
    }

    private final LearningPathViewModel model;
    private final Links links;

    public StartHereView(LearningPathViewModel model, Links links) {
        this.model = model;
        this.links = links;
        setId("start-here");
        setFitToWidth(true);
        getStyleClass().addAll("page-scroll", "edge-to-edge");
        model.tracks().addListener((javafx.collections.ListChangeListener<LearningPathViewModel.TrackChoice>) c ->
                refresh());
        model.progressProperty().addListener((obs, was, now) -> refresh());
        model.trackProperty().addListener((obs, was, now) -> refresh());
        refresh();
    }

    private void refresh() {
        double at = getVvalue();
        VBox page = new VBox();
        page.getStyleClass().add("page");
        Label heading = new Label("Choose your exam");
        heading.getStyleClass().add("section-heading");
        Label lead = new Label("Each exam has a path: read a concept page, watch a flow, do a lab, then answer "
                + "questions on the topic. Ticks appear as you do each step, wherever in the app you do it.");
        lead.setWrapText(true);
        lead.getStyleClass().add("muted");
        page.getChildren().addAll(heading, lead, chooser());
        PathProgress progress = model.progressProperty().get();
        if (progress != null) {
            Label intro = new Label(model.intro());
            intro.setId("path-intro");
            intro.setWrapText(true);
            Label summary = new Label(progress.modulesDone() + " of " + progress.modules().size() + " modules done");
            summary.setId("path-summary");
            summary.getStyleClass().add("path-summary");
            page.getChildren().addAll(intro, summary);
            for (ModuleProgress module : progress.modules()) {
                page.getChildren().add(card(module, progress.path().track()));
            }
        } else if (model.trackProperty().get() != null && !model.tracks().isEmpty()) {
            Label none = new Label("This exam has no path yet.");
            none.getStyleClass().add("muted");
            page.getChildren().add(none);
        }
        setContent(page);
        setVvalue(at);
    }

    private FlowPane chooser() {
        FlowPane row = new FlowPane(8, 8);
        row.setId("path-tracks");
        ToggleGroup group = new ToggleGroup();
        for (LearningPathViewModel.TrackChoice t : model.tracks()) {
            ToggleButton b = new ToggleButton(t.retired() ? t.exam() + " · retired" : t.exam());
            b.setId("path-track-" + t.id());
            b.setToggleGroup(group);
            b.getStyleClass().addAll("exam-choice", "exam-badge-" + t.id().toLowerCase(java.util.Locale.ROOT));
            b.setSelected(t.id().equals(model.trackProperty().get()));
            HoverTooltip.install(b, t.name() + (t.retiredNote().isBlank() ? "" : "\n" + t.retiredNote()));
            if (t.retired()) {
                b.setDisable(true);
                b.getStyleClass().add("retired");
            }
            b.setOnAction(e -> model.chooseTrack(t.id()));
            row.getChildren().add(b);
        }
        return row;
    }

    private VBox card(ModuleProgress m, String track) {
        PathModule module = m.module();
        String id = "module-" + module.concept();
        Label title = new Label(model.conceptTitle(module.concept()), new FontIcon(m.done() ? Feather.CHECK_CIRCLE
                : Feather.CIRCLE));
        title.getStyleClass().add("card-title");
        title.setWrapText(true);
        Label status = new Label(m.done() ? "Done" : m.stepsDone() + " of " + m.steps() + " steps");
        status.setId(id + "-status");
        status.getStyleClass().add(m.done() ? "module-done" : "muted");
        HBox head = new HBox(12, title, status);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox card = new VBox(6, head);
        card.setId(id);
        card.getStyleClass().addAll("path-module", m.done() ? "done" : "todo");
        card.getChildren().add(step(id + "-read", "Read: " + model.conceptTitle(module.concept()), m.pageRead(),
                () -> links.openConcept(module.concept())));
        module.flow().ifPresent(flow -> card.getChildren().add(step(id + "-watch", "Watch: "
                + dev.kmslab.flow.FlowCatalogue.find(flow).map(f -> f.title()).orElse(flow),
                m.flowWatched().orElse(false), () -> links.openFlow(flow))));
        m.labId().ifPresent(lab -> card.getChildren().add(step(id + "-lab", "Try: "
                + model.labTitle(module).orElse(lab), m.labPassed(), () -> links.openLab(lab))));
        card.getChildren().add(step(id + "-quiz", "Test yourself: " + model.topicTitle(module.topic()) + " ("
                        + Math.min(m.answered(), ModuleProgress.QUESTIONS_FOR_TOPIC) + " of "
                        + ModuleProgress.QUESTIONS_FOR_TOPIC + " questions)", m.topicQuizzed(),
                () -> links.testTopic(module.topic(), track)));
        return card;
    }

    private static Button step(String id, String text, boolean done, Runnable open) {
        Button b = new Button(text, new FontIcon(done ? Feather.CHECK_SQUARE : Feather.SQUARE));
        b.setId(id);
        b.getStyleClass().addAll("flat", "path-step", done ? "step-done" : "step-todo");
        b.setWrapText(true);
        b.setMaxWidth(Double.MAX_VALUE);
        b.setAlignment(Pos.CENTER_LEFT);
        b.setOnAction(e -> open.run());
        return b;
    }
}
