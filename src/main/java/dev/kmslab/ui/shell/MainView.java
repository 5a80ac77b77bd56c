package dev.kmslab.ui.shell;

import dev.kmslab.engine.KmsEngine;
import dev.kmslab.flow.FlowCatalogue;
import dev.kmslab.flow.FlowRecorder;
import dev.kmslab.study.checklist.ChecklistProgress;
import dev.kmslab.study.content.ContentSearch;
import dev.kmslab.study.content.StudyContent;
import dev.kmslab.ui.checklists.ChecklistView;
import dev.kmslab.ui.checklists.ChecklistViewModel;
import dev.kmslab.ui.common.FxUiExecutor;
import dev.kmslab.ui.common.HoverTooltip;
import dev.kmslab.ui.common.Lazy;
import dev.kmslab.ui.common.Navigator;
import dev.kmslab.ui.common.UiExecutor;
import dev.kmslab.ui.flows.FlowsView;
import dev.kmslab.ui.flows.FlowsViewModel;
import dev.kmslab.ui.keylab.common.KeyLabSession;
import dev.kmslab.ui.keylab.KeyLabView;
import dev.kmslab.ui.markdown.MarkdownRenderer;
import dev.kmslab.ui.overview.OverviewView;
import dev.kmslab.ui.overview.OverviewViewModel;
import dev.kmslab.ui.quiz.QuizView;
import dev.kmslab.ui.quiz.QuizViewModel;
import dev.kmslab.ui.search.SearchOverlay;
import dev.kmslab.ui.search.SearchViewModel;
import dev.kmslab.ui.services.ServiceMapView;
import dev.kmslab.ui.services.ServiceMapViewModel;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The main window: sidebar navigation, a header with search and theme, the current section, and notices. */
public final class MainView extends StackPane implements Navigator {

    private static final double BASE_FONT_PX = 14;

    private final ShellViewModel shell;
    private final Consumer<String> browser;
    private final OverviewViewModel overview = new OverviewViewModel();
    private final SearchViewModel search = new SearchViewModel();
    // Only the overview is on the first screen; every other section's model is built the first time it is needed
    // (its section is shown, a search hit or link jumps into it, or background work after the first frame).
    private final Lazy<ServiceMapViewModel> services;
    private final Lazy<ChecklistViewModel> checklists;
    private final Lazy<QuizViewModel> quiz;
    private final Lazy<FlowsViewModel> flows;
    private final Lazy<dev.kmslab.ui.labs.LabsViewModel> labs;
    private final dev.kmslab.ui.endpoint.EndpointViewModel endpoint;
    private StudyContent studyContent;
    // The Key Lab opens its engine in the background; flows are recorded off the FX thread and read it from here.
    private volatile KmsEngine learnerEngine;
    private final MarkdownRenderer markdown = new MarkdownRenderer(this::follow);
    private final List<Section> sections;
    private final ToggleGroup navGroup = new ToggleGroup();
    private final StackPane content = new StackPane();
    private final Label title = new Label();
    private final VBox noticeBox = new VBox();
    private final BorderPane frame = new BorderPane();
    private SearchOverlay searchOverlay;
    private final KeyLabSession keyLabSession;
    // Learning path and Study section (kept together so the shell split can move them as one piece).
    private final dev.kmslab.study.path.StudyProgress studyProgress;
    private final dev.kmslab.ui.path.LearningPathViewModel path;
    private final dev.kmslab.ui.study.StudyViewModel study;
    private final Path dataDir;
    private dev.kmslab.study.labs.LabCatalogue labCatalogue = dev.kmslab.study.labs.LabCatalogue.empty();
    private java.util.function.Predicate<String> labPassed = id -> false;

    public MainView(ShellViewModel shell, ChecklistProgress progress, Path dataDir, Consumer<String> browser,
                    KeyLabSession keyLab) {
        this.shell = shell;
        this.browser = browser;
        this.keyLabSession = keyLab;
        if (keyLab != null) {
            learnerEngine = keyLab.engine();
            keyLab.engineProperty().addListener((obs, was, now) -> {
                if (!keyLab.inSandbox()) { // a lab's sandbox is not the learner's engine
                    learnerEngine = now;
                }
            });
        }
        this.flows = new Lazy<>(() -> flowsModel(keyLab));
        this.services = new Lazy<>(() -> withContent(new ServiceMapViewModel(), ServiceMapViewModel::contentProperty));
        this.checklists = new Lazy<>(() -> withContent(new ChecklistViewModel(progress),
                ChecklistViewModel::contentProperty));
        this.endpoint = new dev.kmslab.ui.endpoint.EndpointViewModel(keyLab::engine, dataDir,
                dev.kmslab.server.ServerConfig.DEFAULT_PORT);
        this.quiz = new Lazy<>(() -> withContent(quizModel(dataDir), QuizViewModel::contentProperty));
        this.labs = new Lazy<>(() -> dev.kmslab.ui.labs.LabsSection.model(dataDir, keyLab, shell.notices()::add,
                () -> shell.selectedSectionProperty().set("keylab")));
        shell.notice(progress.loadNotice());
        this.dataDir = dataDir;
        this.studyProgress = new dev.kmslab.study.path.StudyProgress(dataDir, Clock.systemUTC());
        shell.notice(studyProgress.loadNotice());
        this.path = new dev.kmslab.ui.path.LearningPathViewModel(studyProgress, shell.notices()::add);
        this.study = new dev.kmslab.ui.study.StudyViewModel(path::pageRead);
        setId("main-view");
        getStyleClass().add("main-view");
        sections = List.of(
                new Section("start", "Start here", Feather.COMPASS, () -> new dev.kmslab.ui.path.StartHereView(path,
                        pathLinks())),
                new Section("overview", "Overview", Feather.BOOK_OPEN, () -> new OverviewView(overview, markdown,
                        this::showConcept)),
                new Section("study", "Study", Feather.BOOK, () -> new dev.kmslab.ui.study.StudyView(study, markdown,
                        studyLinks()), study.titleProperty()),
                new Section("services", "Service map", Feather.SHARE_2,
                        () -> new ServiceMapView(services.get(), markdown, this)),
                new Section("checklists", "Checklists", Feather.CHECK_SQUARE,
                        () -> new ChecklistView(checklists.get(), this)),
                new Section("keylab", "Key Lab", Feather.LOCK, () -> new KeyLabView(keyLab, this::showFlow,
                        event -> showFlow(dev.kmslab.flow.AuditEventFlow.of(event)))),
                new Section("flows", "Flows", Feather.PLAY_CIRCLE, () -> new FlowsView(flows.get())),
                new Section("quiz", "Quiz", Feather.AWARD, () -> new QuizView(quiz.get(), this)),
                new Section("labs", "Labs", Feather.CLIPBOARD, () -> new dev.kmslab.ui.labs.LabsView(labs.get())));
        frame.setLeft(sidebar());
        content.getStyleClass().add("section-content");
        VBox centre = new VBox(header(), noticeBox, content);
        VBox.setVgrow(content, Priority.ALWAYS);
        noticeBox.getStyleClass().add("notices");
        frame.setCenter(centre);
        getChildren().add(frame);
        shell.notices().addListener((javafx.collections.ListChangeListener<String>) c -> showNotices());
        showNotices();
        shell.zoomProperty().addListener((obs, was, now) -> applyZoom());
        applyZoom();
        shell.selectedSectionProperty().addListener((obs, was, now) -> showSection(now));
        // The first launch opens "Start here"; afterwards the app opens where it always did.
        shell.selectedSectionProperty().set(studyProgress.firstLaunch() ? "start" : "overview");
    }

    private dev.kmslab.ui.path.StartHereView.Links pathLinks() {
        return new dev.kmslab.ui.path.StartHereView.Links() {
            @Override
            public void openConcept(String conceptId) {
                showConcept(conceptId);
            }

            @Override
            public void openFlow(String flowId) {
                showFlow(flowId);
            }

            @Override
            public void openLab(String labId) {
                showLab(labId);
            }

            @Override
            public void testTopic(String topicId, String trackId) {
                practiseTopics(List.of(topicId), trackId);
            }
        };
    }

    private dev.kmslab.ui.study.StudyView.Links studyLinks() {
        return new dev.kmslab.ui.study.StudyView.Links() {
            @Override
            public void openFlow(String flowId) {
                showFlow(flowId);
            }

            @Override
            public void openLab(String labId) {
                showLab(labId);
            }

            @Override
            public void testTopics(List<String> topicIds) {
                practiseTopics(topicIds, path.trackProperty().get());
            }
        };
    }

    /** The learning path's model ("Start here"). */
    public dev.kmslab.ui.path.LearningPathViewModel path() {
        return path;
    }

    /**
     * Where the path and the Study section read labs and their results. The Labs section calls it with its own
     * catalogue and progress store once they are loaded, so the ticks follow "Check my work".
     */
    public void setLabs(dev.kmslab.study.labs.LabCatalogue catalogue, java.util.function.Predicate<String> passed) {
        this.labCatalogue = catalogue;
        this.labPassed = passed;
        study.setLabs(catalogue);
        path.setLabs(dev.kmslab.study.path.PathLabs.of(catalogue, passed));
        search.setLabs(catalogue);
    }

    private FlowsViewModel flowsModel(KeyLabSession keyLab) {
        FlowsViewModel model = new FlowsViewModel(
                FlowRecorder.withLearnerEngine(() -> learnerEngine, new SecureRandom()), UiExecutor.fx(1));
        if (keyLab != null) {
            // A flow recorded on the learner's key makes real calls (rotations, new aliases...): refresh the Key Lab.
            model.player().flowProperty().addListener((obs, was, now) -> {
                if (now != null && model.keyIdProperty().get().isPresent()) {
                    keyLab.changed();
                }
            });
        }
        dev.kmslab.ui.path.FlowCompletion.watch(model, path::flowFinished);
        return model;
    }

    private QuizViewModel quizModel(Path dataDir) {
        QuizViewModel model = new QuizViewModel(dataDir, Clock.systemUTC(), new FxUiExecutor(), Random::new,
                shell.notices()::add);
        // Quiz questions name a lab scenario; the ones the flow catalogue has open in the Flows player.
        model.setLabOpener(flowId -> {
            if (FlowCatalogue.find(flowId).isPresent()) {
                showFlow(flowId);
            }
        });
        model.answeredByTopicProperty().addListener((obs, was, now) -> path.setAnswers(now));
        model.bankProperty().addListener((obs, was, now) -> search.setQuestions(now));
        return model;
    }

    // A model built after the study content arrived gets it at once; later content reaches it through setContent.
    private <M> M withContent(M model, java.util.function.Function<M, javafx.beans.property.ObjectProperty<StudyContent>>
            property) {
        if (studyContent != null) {
            property.apply(model).set(studyContent);
        }
        return model;
    }

    /**
     * Starts the work the first screen does not need (reading the question banks and progress). The app calls it once
     * the first frame is on screen, so that this work does not compete with the window for the CPU at start-up.
     */
    public void startBackgroundWork() {
        quiz.get().load();
        loadLabsForThePath();
    }

    // The path, Study and search read the Labs section's own catalogue and progress store (one writer of
    // lab-progress.json), and refresh whenever "Check my work" or a hint changes that progress.
    private void loadLabsForThePath() {
        dev.kmslab.ui.labs.LabsViewModel model = labs.get();
        Runnable share = () -> setLabs(model.catalogue(), model.progress()::passed);
        model.loadedProperty().addListener((obs, was, now) -> {
            if (now) {
                share.run();
            }
        });
        model.progressRevisionProperty().addListener((obs, was, now) -> share.run());
        if (model.loadedProperty().get()) {
            share.run();
        }
    }

    /** The quiz section's model (built on first use), e.g. to register a lab opener. */
    public QuizViewModel quiz() {
        return quiz.get();
    }

    /** Hands the loaded study content to every section; called once loading finishes in the background. */
    public void setContent(StudyContent studyContent) {
        this.studyContent = studyContent;
        overview.contentProperty().set(studyContent);
        search.contentProperty().set(studyContent);
        study.contentProperty().set(studyContent);
        dev.kmslab.study.path.LearningPaths paths = new dev.kmslab.study.path.PathLoader(studyContent,
                FlowCatalogue.all().stream().map(f -> f.id()).collect(java.util.stream.Collectors.toSet()))
                .load(dev.kmslab.study.content.ContentSource.classpath());
        paths.problems().forEach(p -> shell.notices().add("Learning path: " + p));
        path.setContent(studyContent, paths);
        if (services.built()) {
            services.get().contentProperty().set(studyContent);
        }
        if (checklists.built()) {
            checklists.get().contentProperty().set(studyContent);
        }
        if (quiz.built()) {
            quiz.get().contentProperty().set(studyContent);
        }
    }

    /** Keyboard shortcuts that work wherever the focus is. */
    public void installShortcuts(Scene scene) {
        for (int i = 0; i < sections.size() && i < 9; i++) {
            String id = sections.get(i).id();
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.valueOf("DIGIT" + (i + 1)),
                    KeyCombination.SHORTCUT_DOWN), () -> shell.selectedSectionProperty().set(id));
        }
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), this::openSearch);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN), shell::zoomIn);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHORTCUT_DOWN), shell::zoomIn);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ADD, KeyCombination.SHORTCUT_DOWN), shell::zoomIn);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN), shell::zoomOut);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.SUBTRACT, KeyCombination.SHORTCUT_DOWN),
                shell::zoomOut);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN),
                shell::resetZoom);
    }

    public List<Section> sections() {
        return sections;
    }

    private VBox sidebar() {
        Label brand = new Label("KMS Lab", new FontIcon(Feather.KEY));
        brand.setId("brand");
        brand.getStyleClass().add("brand");
        VBox nav = new VBox();
        nav.getStyleClass().add("nav");
        for (int i = 0; i < sections.size(); i++) {
            Section section = sections.get(i);
            ToggleButton button = new ToggleButton(section.title(), new FontIcon(section.icon()));
            button.setId("nav-" + section.id());
            button.setToggleGroup(navGroup);
            button.getStyleClass().add("nav-button");
            button.setMaxWidth(Double.MAX_VALUE);
            button.setAlignment(Pos.CENTER_LEFT);
            HoverTooltip.install(button, section.title() + " (Ctrl+" + (i + 1) + ")");
            button.setOnAction(e -> {
                button.setSelected(true);
                shell.selectedSectionProperty().set(section.id());
            });
            nav.getChildren().add(button);
        }
        Region grow = new Region();
        VBox.setVgrow(grow, Priority.ALWAYS);
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
        Label zoom = new Label();
        zoom.setId("zoom-label");
        zoom.getStyleClass().add("muted");
        zoom.textProperty().bind(shell.zoomProperty().multiply(100).asString("Zoom %.0f%%"));
        HoverTooltip.install(zoom, "Ctrl+= zooms in, Ctrl+- zooms out, Ctrl+0 resets");
        VBox box = new VBox(brand, nav, grow, endpointRow(), dark, zoom);
        box.setId("sidebar");
        box.getStyleClass().add("sidebar");
        return box;
    }

    // A switch that serves the Key Lab's engine to the AWS CLI and SDKs; their calls appear in the Key Lab audit log.
    private VBox endpointRow() {
        atlantafx.base.controls.ToggleSwitch toggle = new atlantafx.base.controls.ToggleSwitch();
        toggle.setId("endpoint-switch");
        Label label = new Label("KMS endpoint");
        label.setId("endpoint-label");
        label.setLabelFor(toggle);
        label.setOnMouseClicked(e -> toggle.setSelected(!toggle.isSelected()));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox row = new HBox(label, gap, toggle);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("theme-row");
        Label status = new Label();
        status.setId("endpoint-status");
        status.getStyleClass().addAll("muted", "endpoint-status");
        status.setWrapText(true);
        status.textProperty().bind(endpoint.statusProperty());
        HoverTooltip.install(status, "aws --endpoint-url http://127.0.0.1:4599 kms list-keys");
        toggle.selectedProperty().addListener((obs, was, now) -> {
            if (now && !endpoint.start()) {
                toggle.setSelected(false);
            } else if (!now) {
                endpoint.stop();
            }
        });
        Button issue = new Button("Access key for the Key Lab principal");
        issue.setId("endpoint-issue-key");
        issue.getStyleClass().addAll("small", "flat");
        issue.setWrapText(true);
        issue.visibleProperty().bind(endpoint.runningProperty());
        issue.managedProperty().bind(issue.visibleProperty());
        issue.setOnAction(e -> issueAccessKey());
        return new VBox(4, row, status, issue);
    }

    // Signs CLI/SDK calls as the principal chosen under "Act as" in the Key Lab; the secret is shown only now.
    private void issueAccessKey() {
        String principal = keyLabSession.caller().principalArn();
        javafx.scene.control.Alert alert;
        try {
            dev.kmslab.server.auth.Credential key = endpoint.issueAccessKey(principal);
            javafx.scene.control.TextArea text = new javafx.scene.control.TextArea(
                    "export AWS_ACCESS_KEY_ID=" + key.accessKeyId() + "\nexport AWS_SECRET_ACCESS_KEY="
                            + key.secretAccessKey() + "\nexport AWS_DEFAULT_REGION=us-east-1\n");
            text.setId("endpoint-issued-key");
            text.setEditable(false);
            text.setPrefRowCount(3);
            alert = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.INFORMATION);
            alert.setHeaderText("Access key for " + principal);
            alert.getDialogPane().setContent(new VBox(8, new Label("Calls signed with it are evaluated as this "
                    + "principal. Copy the secret now: it is not shown again."), text));
        } catch (java.io.IOException | IllegalStateException ex) {
            alert = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.ERROR, ex.getMessage());
        }
        if (getScene() != null) {
            alert.initOwner(getScene().getWindow());
        }
        alert.show();
    }

    /** The local endpoint switch's model; {@link #stopEndpoint()} runs when the app closes. */
    public void stopEndpoint() {
        endpoint.stop();
    }

    private HBox header() {
        title.setId("section-title");
        title.getStyleClass().add("section-title");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Button searchButton = new Button("Search", new FontIcon(Feather.SEARCH));
        searchButton.setId("search-button");
        HoverTooltip.install(searchButton, "Search everything (Ctrl+F)");
        searchButton.setOnAction(e -> openSearch());
        HBox header = new HBox(title, grow, searchButton);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("header");
        return header;
    }

    private void showSection(String id) {
        Section section = sections.stream().filter(s -> s.id().equals(id)).findFirst().orElse(sections.get(0));
        title.textProperty().bind(section.heading());
        if (section.id().equals("study")) {
            study.showFirstIfNone();
        } else if (section.id().equals("start")) {
            path.refresh();
        }
        content.getChildren().setAll(section.view());
        navGroup.getToggles().forEach(t -> t.setSelected(((ToggleButton) t).getId().equals("nav-" + section.id())));
    }

    private void showNotices() {
        noticeBox.getChildren().clear();
        for (String text : shell.notices()) {
            Label label = new Label(text, new FontIcon(Feather.ALERT_TRIANGLE));
            label.setWrapText(true);
            label.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(label, Priority.ALWAYS);
            Button dismiss = new Button(null, new FontIcon(Feather.X));
            dismiss.getStyleClass().addAll("flat", "button-icon");
            HoverTooltip.install(dismiss, "Dismiss");
            dismiss.setOnAction(e -> shell.notices().remove(text));
            HBox row = new HBox(label, dismiss);
            row.getStyleClass().add("notice");
            row.setAlignment(Pos.CENTER_LEFT);
            noticeBox.getChildren().add(row);
        }
        noticeBox.setId(shell.notices().isEmpty() ? "notices-empty" : "notices");
    }

    private void applyZoom() {
        double zoom = shell.zoomProperty().get();
        setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", BASE_FONT_PX * zoom));
        getStylesheets().setAll(iconSizes(zoom));
    }

    // Ikonli only understands pixel icon sizes (an em value is read as a huge number), so icons get their own
    // generated stylesheet that follows the zoom level.
    static String iconSizes(double zoom) {
        String css = String.format(Locale.ROOT, ".ikonli-font-icon { -fx-icon-size: %dpx; }"
                        + " .brand .ikonli-font-icon { -fx-icon-size: %dpx; }"
                        + " .nav-button .ikonli-font-icon { -fx-icon-size: %dpx; }"
                        + " .map-hub .ikonli-font-icon { -fx-icon-size: %dpx; }",
                Math.round(16 * zoom), Math.round(26 * zoom), Math.round(18 * zoom), Math.round(24 * zoom));
        return "data:text/css," + java.net.URLEncoder.encode(css, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
    }

    private void openSearch() {
        if (searchOverlay == null) {
            searchOverlay = new SearchOverlay(search, this::jump, this::closeSearch);
        }
        if (!getChildren().contains(searchOverlay)) {
            getChildren().add(searchOverlay);
        }
        searchOverlay.focusField();
    }

    private void closeSearch() {
        getChildren().remove(searchOverlay);
    }

    private void jump(ContentSearch.Hit hit) {
        closeSearch();
        switch (hit.kind()) {
            case CONCEPT -> showConcept(hit.id());
            case SERVICE -> showService(hit.id());
            case LAB -> showLab(hit.id());
            case FLOW -> showFlow(hit.id());
            case QUESTION -> {
                dev.kmslab.study.quiz.QuestionBank bank = quiz.get().bankProperty().get();
                if (bank != null) {
                    bank.byId(hit.id()).ifPresent(q -> practiseTopics(q.topics(), path.trackProperty().get()));
                }
            }
            case CHECKLIST_ITEM -> {
                String track = search.contentProperty().get().checklists().stream()
                        .filter(c -> c.items().anyMatch(i -> i.id().equals(hit.id())))
                        .map(c -> c.track()).findFirst().orElse(checklists.get().trackProperty().get());
                showChecklistItem(track, hit.id());
            }
        }
    }

    @Override
    public void showOverview() {
        shell.selectedSectionProperty().set("overview");
        overview.home();
    }

    @Override
    public void showConcept(String conceptId) {
        study.show(conceptId);
        shell.selectedSectionProperty().set("study");
    }

    @Override
    public void practiseTopics(List<String> topicIds, String trackId) {
        shell.selectedSectionProperty().set("quiz");
        quiz.get().practiseTopics(topicIds, trackId);
    }

    @Override
    public void showService(String serviceId) {
        shell.selectedSectionProperty().set("services");
        services.get().select(serviceId);
    }

    @Override
    public void showChecklistItem(String trackId, String itemId) {
        shell.selectedSectionProperty().set("checklists");
        checklists.get().jumpTo(trackId, itemId);
    }

    @Override
    public void showKeyLab() {
        shell.selectedSectionProperty().set("keylab");
    }

    @Override
    public void showFlow(String flowId) {
        showFlow(flowId, Optional.empty());
    }

    @Override
    public void showFlow(String flowId, Optional<String> keyId) {
        shell.selectedSectionProperty().set("flows");
        flows.get().open(flowId, keyId);
    }

    @Override
    public void showFlow(dev.kmslab.flow.Flow flow) {
        shell.selectedSectionProperty().set("flows");
        flows.get().show(flow);
    }

    @Override
    public void showLab(String labId) {
        shell.selectedSectionProperty().set("labs");
        labs.get().open(labId);
    }

    /** The Labs section's model (built on first use): catalogue, open lab, sandboxes, progress. */
    public dev.kmslab.ui.labs.LabsViewModel labs() {
        return labs.get();
    }

    /** The Flows section's model (what it plays, whether it is recording). */
    public FlowsViewModel flows() {
        return flows.get();
    }

    @Override
    public void openExternal(String url) {
        browser.accept(url);
    }
}
