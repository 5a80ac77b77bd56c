package dev.kmslab;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.kmslab.engine.SimulatedClock;
import dev.kmslab.io.DataDirectory;
import dev.kmslab.ui.common.Stylesheets;
import dev.kmslab.ui.common.UiExecutor;
import dev.kmslab.ui.keylab.common.KeyLabSession;
import dev.kmslab.ui.keylab.common.LabEngineOpener;
import dev.kmslab.ui.shell.AppSettings;
import dev.kmslab.ui.shell.MainView;
import dev.kmslab.ui.shell.ShellViewModel;
import java.nio.file.Path;
import java.time.Clock;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** The desktop app: builds the main window from the data directory and loads study content in the background. */
public class App extends Application {

    public static final String TITLE = "KMS Lab — learn AWS Key Management Service";

    private StartupPreload preload;
    private StartupOptions options;
    private ShellViewModel shell;
    private Stage stage;
    private MainView view;
    private KeyLabSession keyLab;
    private SingleInstance instance;

    @Override
    public void init() {
        StartupClock.trace("init");
        options = StartupOptions.parse(getParameters().getRaw());
        preload = StartupPreload.take(getParameters().getRaw(), Clock.systemUTC());
    }

    @Override
    public void start(Stage primaryStage) {
        this.stage = primaryStage;
        StartupClock.trace("start");
        StartupPreload.UserFiles files = preload.files().join();
        DataDirectory data = files.data();
        instance = SingleInstance.takeForApp(data.root());
        Clock clock = Clock.systemUTC();
        shell = new ShellViewModel(files.settingsStore(), files.settings());
        files.privacyNotice().ifPresent(shell.notices()::add);
        StartupClock.trace("settings");
        applyTheme(shell.settings().dark());
        StartupClock.trace("theme");
        shell.darkProperty().addListener((obs, was, now) -> applyTheme(now));
        keyLab = new KeyLabSession(UiExecutor.fx(2), Platform::runLater);
        keyLab.enableSnapshots(new dev.kmslab.ui.keylab.common.LabSnapshots(data.root(), clock));
        view = new MainView(shell, files.progress(), data.root(),
                url -> getHostServices().showDocument(url), keyLab);
        StartupClock.trace("main view");
        Scene scene = new Scene(view);
        scene.getStylesheets().add(Stylesheets.url("kmslab"));
        view.installShortcuts(scene);
        stage.setScene(scene);
        stage.setTitle(TITLE);
        placeWindow(stage, shell.settings().window());
        stage.setOnHiding(e -> rememberWindow());
        Path dataRoot = data.root();
        afterFirstFrame(() -> {
            if (options.startupProbe()) {
                reportStartupAndExit();
                return;
            }
            // The window icons (five PNGs to decode), opening the keystore and reading the question banks wait for
            // the first frame, so the window appears without competing with them for the CPU.
            addIcons(stage);
            openKeyLab(keyLab, dataRoot, clock);
            // Files passed on the command line (a double-click on a question pack or lab, or several opened
            // together) are imported first, one after the other, so the question bank and the labs read afterwards
            // include them.
            openAtStart(options.openFiles(), 0);
            if (instance != null) {
                instance.onOpen(handed -> Platform.runLater(() -> openHandedOver(handed)));
            }
        });
        stage.show();
        StartupClock.trace("shown");
        preload.content().whenComplete((loaded, error) -> Platform.runLater(() -> {
            if (loaded != null) {
                view.setContent(loaded);
            } else {
                shell.notices().add("The study content could not be loaded: " + error.getMessage());
            }
            StartupClock.trace("content");
            onReady(view, stage);
        }));
    }

    /**
     * A later start on the same data folder handed over its file (or none): the window comes to the front and each
     * file is imported and shown as at start-up, one after the other.
     */
    private void openHandedOver(java.util.List<Path> files) {
        if (stage.isIconified()) {
            stage.setIconified(false);
        }
        if (!stage.isShowing()) {
            stage.show();
        }
        stage.toFront();
        stage.requestFocus();
        openInTurn(files, 0);
    }

    private void openAtStart(java.util.List<Path> files, int next) {
        if (next < files.size()) {
            view.openFile(files.get(next), () -> openAtStart(files, next + 1));
        } else {
            view.startBackgroundWork();
        }
    }

    private void openInTurn(java.util.List<Path> files, int next) {
        if (next < files.size()) {
            view.openHandedOver(files.get(next), () -> openInTurn(files, next + 1));
        }
    }

    // The key engine opens on a worker thread (deriving keys and reading the keystore takes a moment); the Key Lab
    // screens fill in when it is ready. Its clock follows real time until the learner travels in time.
    private void openKeyLab(KeyLabSession session, Path dataDir, Clock fileClock) {
        SimulatedClock labClock = SimulatedClock.startingNow();
        labClock.backToRealTime();
        session.open(() -> LabEngineOpener.open(dataDir, labClock, fileClock), shell.notices()::add);
    }

    @Override
    public void stop() {
        if (instance != null) {
            instance.stopListening();
        }
        if (view != null) {
            view.stopEndpoint();
        }
        if (keyLab != null) {
            keyLab.close();
        }
        // Last: the data folder is free for the next start only once this app has stopped writing to it.
        if (instance != null) {
            instance.close();
        }
    }

    /** Called on the FX thread once the window is up and the study content is in place (tests and tours hook in). */
    protected void onReady(MainView view, Stage stage) {
        // Nothing more to do in the app itself.
    }

    protected ShellViewModel shell() {
        return shell;
    }

    /** The Key Lab's shared state (tests and tours drive the engine through it). */
    public KeyLabSession keyLab() {
        return keyLab;
    }

    private static void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    // setAll: tests start the app again on the same stage.
    private static void addIcons(Stage stage) {
        java.util.List<Image> icons = new java.util.ArrayList<>();
        for (int size : new int[] {16, 32, 64, 128, 256}) {
            var url = App.class.getResource("/assets/icons/kmslab-" + size + ".png");
            if (url != null) {
                icons.add(new Image(url.toExternalForm()));
            }
        }
        stage.getIcons().setAll(icons);
    }

    private static void placeWindow(Stage stage, AppSettings.WindowBounds bounds) {
        var screen = Screen.getPrimary().getVisualBounds();
        boolean onScreen = bounds.known() && Screen.getScreens().stream().anyMatch(s ->
                s.getVisualBounds().intersects(bounds.x(), bounds.y(), bounds.width(), bounds.height()));
        if (onScreen) {
            stage.setX(bounds.x());
            stage.setY(bounds.y());
            stage.setWidth(bounds.width());
            stage.setHeight(bounds.height());
            stage.setMaximized(bounds.maximized());
        } else {
            stage.setWidth(Math.min(1280, screen.getWidth()));
            stage.setHeight(Math.min(800, screen.getHeight()));
            stage.centerOnScreen();
        }
        stage.setMinWidth(800);
        stage.setMinHeight(560);
    }

    private void rememberWindow() {
        if (stage.isMaximized()) {
            shell.rememberWindow(new AppSettings.WindowBounds(shell.settings().window().x(),
                    shell.settings().window().y(), shell.settings().window().width(),
                    shell.settings().window().height(), true));
        } else {
            shell.rememberWindow(new AppSettings.WindowBounds(stage.getX(), stage.getY(), stage.getWidth(),
                    stage.getHeight(), false));
        }
    }

    // The first pulse after show() renders the first frame; the second pulse runs once it is on screen.
    private static void afterFirstFrame(Runnable action) {
        new AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                if (++frames < 2) {
                    return;
                }
                stop();
                action.run();
            }
        }.start();
    }

    private static void reportStartupAndExit() {
        long startup = StartupClock.sinceJvmStart();
        StartupClock.trace("first frame");
        System.out.println("startup_ms=" + startup);
        System.out.flush();
        Platform.exit();
        System.exit(0);
    }
}
