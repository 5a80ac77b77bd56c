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
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The main window and the app's composition root: builds each section's model (most on first use), wires them to one
 * another and to the {@link Navigator} links, and lays out the {@link Sidebar}, the {@link ShellHeader}, the
 * {@link NoticeBar} and the current section.
 */
public final class MainView extends StackPane implements Navigator {

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
    private final StackPane content = new StackPane();
    private final Sidebar sidebar;
    private final ShellHeader header;
    private final BorderPane frame = new BorderPane();
    private SearchOverlay searchOverlay;
    private final KeyLabSession keyLabSession;
    // Dialogs open on the main window, centred on it.
    private final dev.kmslab.ui.common.DialogService dialogs = new dev.kmslab.ui.common.FxDialogService(this);
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
        this.services = new Lazy<>(() -> withContent(new ServiceMapViewModel(), ServiceMapViewModel::setContent));
        this.checklists = new Lazy<>(() -> withContent(new ChecklistViewModel(progress, dialogs),
                ChecklistViewModel::setContent));
        this.endpoint = new dev.kmslab.ui.endpoint.EndpointViewModel(keyLab::engine, keyLab::accounts, dataDir,
                dev.kmslab.server.ServerConfig.DEFAULT_PORT);
        this.quiz = new Lazy<>(() -> withContent(quizModel(dataDir), QuizViewModel::setContent));
        this.labs = new Lazy<>(() -> dev.kmslab.ui.labs.LabsSection.model(dataDir, keyLab, shell.notices()::add,
                () -> shell.showSection("keylab")));
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
                        SectionLinks.path(this))),
                new Section("overview", "Overview", Feather.BOOK_OPEN, () -> new OverviewView(overview, markdown,
                        this::showConcept)),
                new Section("study", "Study", Feather.BOOK, () -> new dev.kmslab.ui.study.StudyView(study, markdown,
                        SectionLinks.study(this,
                        () -> path.trackProperty().get())), study.titleProperty()),
                new Section("services", "Service map", Feather.SHARE_2,
                        () -> new ServiceMapView(services.get(), markdown, this)),
                new Section("checklists", "Checklists", Feather.CHECK_SQUARE,
                        () -> new ChecklistView(checklists.get(), this)),
                new Section("keylab", "Key Lab", Feather.LOCK, () -> new KeyLabView(keyLab, this::showFlow,
                        event -> showFlow(dev.kmslab.flow.AuditEventFlow.of(event)))),
                new Section("flows", "Flows", Feather.PLAY_CIRCLE, () -> new FlowsView(flows.get())),
                new Section("quiz", "Quiz", Feather.AWARD, () -> new QuizView(quiz.get(), this)),
                new Section("labs", "Labs", Feather.CLIPBOARD, () -> new dev.kmslab.ui.labs.LabsView(labs.get())));
        sidebar = new Sidebar(sections, shell, new EndpointPanel(endpoint, dialogs,
                () -> keyLabSession.caller().principalArn()));
        header = new ShellHeader(this::openSearch);
        frame.setLeft(sidebar);
        content.getStyleClass().add("section-content");
        VBox centre = new VBox(header, new NoticeBar(shell.notices()), content);
        VBox.setVgrow(content, Priority.ALWAYS);
        frame.setCenter(centre);
        getChildren().add(frame);
        shell.zoomProperty().addListener((obs, was, now) -> Zoom.apply(this, now.doubleValue()));
        Zoom.apply(this, shell.zoomProperty().get());
        shell.selectedSectionProperty().addListener((obs, was, now) -> showSection(now));
        // The first launch opens "Start here"; afterwards the app reopens the section last used.
        shell.showSection(studyProgress.firstLaunch() ? "start" : shell.sectionToReopen(sections.stream()
                .map(Section::id).collect(java.util.stream.Collectors.toSet()), "overview"));
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
                shell.notices()::add, dialogs);
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
    private <M> M withContent(M model, java.util.function.BiConsumer<M, StudyContent> setContent) {
        if (studyContent != null) {
            setContent.accept(model, studyContent);
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

    /**
     * Imports the question pack or lab file the app was started with and shows it (the Quiz, or the lab's page); a
     * bad file gets an error dialog naming it. {@code then} runs on the FX thread once the file is in (or refused),
     * so the question bank and labs read afterwards include it.
     */
    public void openFile(Path file, Runnable then) {
        new FileOpening(dataDir, dialogs, shell.notices()::add, new FileOpening.Target() {
            @Override
            public void showQuiz() {
                shell.showSection("quiz");
            }

            @Override
            public void showLab(String labId) {
                MainView.this.showLab(labId);
            }
        }, UiExecutor.fx(1)).open(file, then);
    }

    /**
     * Imports a file handed over by a later start while the app runs, as {@link #openFile} does at start-up, and
     * shows it; the question bank or the lab catalogue, read already, is read again so that it includes the file.
     */
    public void openHandedOver(Path file, Runnable then) {
        new FileOpening(dataDir, dialogs, shell.notices()::add, new FileOpening.Target() {
            @Override
            public void showQuiz() {
                quiz.get().load();
                shell.showSection("quiz");
            }

            @Override
            public void showLab(String labId) {
                if (labs.built()) {
                    shell.showSection("labs");
                    labs.get().reloadAndOpen(labId);
                } else {
                    MainView.this.showLab(labId); // built now, so its catalogue is read with the file in it
                }
            }
        }, UiExecutor.fx(1)).open(file, then);
    }

    /** The quiz section's model (built on first use), e.g. to register a lab opener. */
    public QuizViewModel quiz() {
        return quiz.get();
    }

    /** Hands the loaded study content to every section; called once loading finishes in the background. */
    public void setContent(StudyContent studyContent) {
        this.studyContent = studyContent;
        overview.setContent(studyContent);
        search.setContent(studyContent);
        study.setContent(studyContent);
        dev.kmslab.study.path.LearningPaths paths = new dev.kmslab.study.path.PathLoader(studyContent,
                FlowCatalogue.all().stream().map(f -> f.id()).collect(java.util.stream.Collectors.toSet()))
                .load(dev.kmslab.study.content.ContentSource.classpath());
        paths.problems().forEach(p -> shell.notices().add("Learning path: " + p));
        path.setContent(studyContent, paths);
        if (services.built()) {
            services.get().setContent(studyContent);
        }
        if (checklists.built()) {
            checklists.get().setContent(studyContent);
        }
        if (quiz.built()) {
            quiz.get().setContent(studyContent);
        }
    }

    /** Keyboard shortcuts that work wherever the focus is. */
    public void installShortcuts(Scene scene) {
        for (int i = 0; i < sections.size() && i < 9; i++) {
            String id = sections.get(i).id();
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.valueOf("DIGIT" + (i + 1)),
                    KeyCombination.SHORTCUT_DOWN), () -> shell.showSection(id));
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

    /** The local endpoint switch's model; {@link #stopEndpoint()} runs when the app closes. */
    public void stopEndpoint() {
        endpoint.stop();
    }

    private void showSection(String id) {
        Section section = sections.stream().filter(s -> s.id().equals(id)).findFirst().orElse(sections.get(0));
        header.showTitle(section.heading());
        if (section.id().equals("study")) {
            study.showFirstIfNone();
        } else if (section.id().equals("start")) {
            path.refresh();
        }
        content.getChildren().setAll(section.view());
        sidebar.select(section.id());
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
        SectionLinks.jump(this, hit, () -> path.trackProperty().get(),
                search.contentProperty().get(), () -> checklists.get().trackProperty().get());
    }

    @Override
    public void showOverview() {
        shell.showSection("overview");
        overview.home();
    }

    @Override
    public void showConcept(String conceptId) {
        study.show(conceptId);
        shell.showSection("study");
    }

    @Override
    public void practiseTopics(List<String> topicIds, String trackId) {
        shell.showSection("quiz");
        quiz.get().practiseTopics(topicIds, trackId);
    }

    @Override
    public void practiseQuestion(String questionId, String trackId) {
        shell.showSection("quiz");
        quiz.get().practiseQuestion(questionId, trackId);
    }

    @Override
    public void showService(String serviceId) {
        shell.showSection("services");
        services.get().select(serviceId);
    }

    @Override
    public void showChecklistItem(String trackId, String itemId) {
        shell.showSection("checklists");
        checklists.get().jumpTo(trackId, itemId);
    }

    @Override
    public void showKeyLab() {
        shell.showSection("keylab");
    }

    @Override
    public void showFlow(String flowId) {
        showFlow(flowId, Optional.empty());
    }

    @Override
    public void showFlow(String flowId, Optional<String> keyId) {
        shell.showSection("flows");
        flows.get().open(flowId, keyId);
    }

    @Override
    public void showFlow(dev.kmslab.flow.Flow flow) {
        shell.showSection("flows");
        flows.get().show(flow);
    }

    @Override
    public void showLab(String labId) {
        shell.showSection("labs");
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
