package dev.kmslab.ui;

import dev.kmslab.App;
import dev.kmslab.study.quiz.practice.PracticeFilter;
import dev.kmslab.ui.quiz.QuizViewModel;
import dev.kmslab.ui.quiz.exam.ExamViewModel;
import dev.kmslab.ui.quiz.practice.PracticeViewModel;
import dev.kmslab.ui.shell.MainView;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * Takes the README screenshots: starts the real app with a fresh data directory, walks through each screen and saves
 * a PNG of the window per step into {@code assets/screenshots/}. Run it with {@code mvn -Pscreenshots verify} under
 * a display (for example {@code xvfb-run -a -s "-screen 0 1280x800x24"}).
 */
public final class ScreenshotTour {

    private static Path outDir = Path.of("assets/screenshots");

    /** One picture; {@code scene} names another window to photograph (a dialog), null for the main window. */
    private record Step(String file, Runnable action, double settleMillis,
                        java.util.function.Supplier<javafx.scene.Scene> scene) {
        Step(String file, Runnable action, double settleMillis) {
            this(file, action, settleMillis, null);
        }

        Step(String file, Runnable action) {
            this(file, action, 700);
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length > 0) {
            outDir = Path.of(args[0]);
        }
        Files.createDirectories(outDir);
        TourSupport.launch(TourApp.class, "kmslab-tour");
    }

    /** The app itself, driven step by step once it is ready. A nested class: a main class may not be an Application. */
    public static final class TourApp extends App {

    @Override
    protected void onReady(MainView view, Stage stage) {
        // -Dkmslab.tourSize=1920x1080 takes the same tour in a larger window.
        String[] size = System.getProperty("kmslab.tourSize", "1280x800").split("x");
        stage.setWidth(Integer.parseInt(size[0]));
        stage.setHeight(Integer.parseInt(size[1]));
        List<Step> steps = new ArrayList<>(List.of(
                new Step("overview.png", view::showOverview),
                new Step("concept-envelope-encryption.png", () -> view.showConcept("envelope-encryption")),
                new Step("concept-key-types.png", () -> view.showConcept("key-types")),
                new Step("service-map.png", () -> view.showService("ebs")),
                new Step("checklists.png", () -> view.showChecklistItem("DVA", "")),
                new Step("quiz-home.png", () -> shell().showSection("quiz")),
                // The progress panel (chart, weakest topics) sits below the track cards.
                new Step("quiz-progress.png", () -> ((javafx.scene.control.ScrollPane) stage.getScene()
                        .lookup("#quiz-home")).setVvalue(1)),
                new Step("quiz-practice.png", () -> practice(view.quiz())),
                new Step("quiz-exam.png", () -> exam(view.quiz())),
                new Step("quiz-result.png", () -> result(view.quiz())),
                new Step("keylab-keys.png", () -> keyLabTab(stage, "keylab-tab-keys")),
                new Step("keylab-rotation.png", () -> keyLabTab(stage, "keylab-tab-rotation")),
                new Step("keylab-playground.png", () -> {
                    keyLabTab(stage, "keylab-tab-playground");
                    // The key list arrives from a worker thread; act once it is in.
                    PauseTransition later = new PauseTransition(Duration.millis(800));
                    later.setOnFinished(e -> {
                        fire(stage, "#pg-encrypt");
                        PauseTransition flip = new PauseTransition(Duration.millis(700));
                        flip.setOnFinished(f -> {
                            ((javafx.scene.control.Spinner<?>) stage.getScene().lookup("#pg-flip-position"))
                                    .getEditor().setText("60");
                            ((javafx.scene.control.Spinner<?>) stage.getScene().lookup("#pg-flip-position"))
                                    .commitValue();
                            fire(stage, "#pg-flip");
                            fire(stage, "#pg-decrypt");
                        });
                        flip.play();
                    });
                    later.play();
                }, 2500),
                new Step("keylab-policies.png", () -> {
                    keyLabTab(stage, "keylab-tab-policies");
                    later(600, () -> simulateAppEncrypt(stage));
                }, 1500),
                new Step("keylab-grants.png", () -> {
                    keyLabTab(stage, "keylab-tab-grants");
                    later(400, () -> createGrant(stage));
                }, 1500),
                new Step("keylab-audit.png", () -> {
                    keyLabTab(stage, "keylab-tab-audit");
                    // The tab's content joins the scene on the next pulse.
                    PauseTransition later = new PauseTransition(Duration.millis(200));
                    later.setOnFinished(e -> ((javafx.scene.control.TableView<?>) stage.getScene()
                            .lookup("#audit-table")).getSelectionModel().select(0));
                    later.play();
                }),
                new Step("keylab-asymmetric.png", () -> {
                    AsymmetricTour.seed(keyLab().engine());
                    keyLab().changed();
                    keyLabTab(stage, "keylab-tab-asymmetric");
                    later(900, () -> AsymmetricTour.signAndVerify(stage));
                }, 7000),
                new Step("keylab-import-wizard.png", () -> {
                    keyLabTab(stage, "keylab-tab-asymmetric");
                    later(300, () -> AsymmetricTour.openWizard(stage));
                }, 10000,
                        AsymmetricTour::wizardScene),
                new Step("keylab-keystores.png", () -> {
                    keyLabTab(stage, "keylab-tab-keystores");
                    later(600, () -> RegionStoreTour.selectStore(stage));
                }, 1500),
                // Opened from the Keys tab with a store connected, so the Key store row shows.
                new Step("keylab-create-key.png", () -> {
                    keyLabTab(stage, "keylab-tab-keys");
                    later(900, () -> fire(stage, "#create-key"));
                }, 2500, RegionStoreTour::createKeyScene),
                new Step("keylab-region-replica.png", () -> showReplica(stage), 1500),
                new Step("flows.png", () -> shell().showSection("flows")),
                new Step("flows-envelope.png", () -> playMidAnimation(view, "envelope-encryption", 4), 5000),
                new Step("overview-dark.png", () -> {
                    view.showOverview();
                    shell().darkProperty().set(true);
                }),
                new Step("service-map-dark.png", () -> view.showService("s3")),
                new Step("keylab-region-replica-dark.png", () -> {
                    shell().darkProperty().set(true);
                    showReplica(stage);
                }, 1500),
                new Step("keylab-keystores-dark.png", () -> {
                    keyLab().regionProperty().set("us-east-1");
                    keyLabTab(stage, "keylab-tab-keystores");
                    later(600, () -> RegionStoreTour.selectStore(stage));
                }, 1500)));
        // -Dkmslab.tourOnly=keylab-asym,keylab-import takes only the pictures whose file names start so.
        String only = System.getProperty("kmslab.tourOnly", "");
        if (!only.isBlank()) {
            List<String> prefixes = List.of(only.split(","));
            steps.removeIf(s -> prefixes.stream().noneMatch(s.file()::startsWith));
        }
        TourSupport.whenKeyLabReady(this, () -> {
            String orders = KeyLabDemoData.seed(keyLab().engine());
            KeyLabDemoData.seedPoliciesAndGrants(keyLab().engine(), orders);
            RegionStoreTour.seedStore(keyLab().engine());
            globalKey = RegionStoreTour.seedMultiRegion(keyLab());
            keyLab().selectedKeyIdProperty().set(orders);
            keyLab().changed();
            next(steps, stage);
        });
    }

    // The multi-Region demo key, shown from its replica Region.
    private String globalKey;

    private void showReplica(Stage stage) {
        keyLab().regionProperty().set("eu-west-1");
        keyLabTab(stage, "keylab-tab-keys");
        later(300, () -> {
            keyLab().selectedKeyIdProperty().set(globalKey);
            // The Multi-Region section (Replicate to…, Make primary) sits at the foot of the details.
            later(400, () -> ((javafx.scene.control.ScrollPane) stage.getScene().lookup("#key-details"))
                    .setVvalue(1));
        });
    }

    private void keyLabTab(Stage stage, String tabId) {
        shell().showSection("keylab");
        ((dev.kmslab.ui.keylab.KeyLabView) stage.getScene().lookup("#keylab")).showTab(tabId);
    }

    private static void later(int millis, Runnable action) {
        TourSupport.later(millis, action);
    }

    // The simulator asks whether the App role may encrypt without the required context: Denied, statement marked.
    @SuppressWarnings("unchecked")
    private static void simulateAppEncrypt(Stage stage) {
        stage.getScene().getRoot().applyCss();
        var principal = (javafx.scene.control.ComboBox<dev.kmslab.ui.keylab.actas.PrincipalChoice>) stage.getScene()
                .lookup("#sim-principal");
        principal.getItems().stream().filter(c -> c.label().equals("role/App")).findFirst()
                .ifPresent(principal::setValue);
        fire(stage, "#sim-run");
        var templates = (javafx.scene.control.ComboBox<dev.kmslab.ui.keylab.policies.PolicyTemplates.Template>) stage
                .getScene().lookup("#policy-template");
        templates.setValue(dev.kmslab.ui.keylab.policies.PolicyTemplates.ALL.get(4));
    }

    @SuppressWarnings("unchecked")
    private static void createGrant(Stage stage) {
        stage.getScene().getRoot().applyCss();
        var grantee = (javafx.scene.control.ComboBox<String>) stage.getScene().lookup("#grant-grantee");
        grantee.getEditor().setText(grantee.getItems().stream().filter(a -> a.endsWith(":role/KeyAdmin"))
                .findFirst().orElse(""));
        ((javafx.scene.control.CheckBox) stage.getScene().lookup("#grant-op-DescribeKey")).setSelected(true);
        fire(stage, "#grant-create");
    }

    private static void fire(Stage stage, String query) {
        stage.getScene().getRoot().applyCss();
        ((javafx.scene.control.ButtonBase) stage.getScene().lookup(query)).fire();
    }

    // A practice question answered wrongly, so the feedback shows right and wrong marks side by side.
    private static void practice(QuizViewModel quiz) {
        quiz.home();
        quiz.startPractice(new PracticeFilter(Set.of("SAA"), Set.of(), Set.of("key-policies")));
        PracticeViewModel p = quiz.practiceProperty().get();
        QuizTourData.answer(p.draftProperty().get(), false);
        p.submit();
    }

    // Question 1 answered, 2 answered and flagged, 3 shown: the grid's three cell styles at once.
    private static void exam(QuizViewModel quiz) {
        quiz.home();
        quiz.startExam("SAA", 20);
        ExamViewModel exam = quiz.examProperty().get();
        QuizTourData.answer(exam.draftProperty().get(), true);
        exam.next();
        QuizTourData.answer(exam.draftProperty().get(), false);
        exam.flag();
        exam.goTo(4);
        QuizTourData.answer(exam.draftProperty().get(), true);
        exam.goTo(2);
    }

    private static void result(QuizViewModel quiz) {
        ExamViewModel exam = quiz.examProperty().get();
        for (int i = 5; i < 16; i++) {
            exam.goTo(i);
            QuizTourData.answer(exam.draftProperty().get(), i % 4 != 0);
        }
        exam.submit();
    }

    /** Opens a flow, shows its steps up to {@code step} and starts animating the next one for the snapshot. */
    private static void playMidAnimation(MainView view, String flowId, int step) {
        view.showFlow(flowId);
        var flows = (dev.kmslab.ui.flows.FlowsView) view.lookup("#flows-view");
        var model = flows.player().model();
        // Recording runs in the background; animate as soon as the flow is in.
        model.flowProperty().addListener((obs, was, now) -> {
            if (now != null) {
                javafx.application.Platform.runLater(() -> {
                    model.jump(step - 1);
                    model.next();
                });
            }
        });
    }

    private void next(List<Step> steps, Stage stage) {
        if (steps.isEmpty()) {
            Platform.exit();
            return;
        }
        Step step = steps.remove(0);
        step.action().run();
        // Give layout, CSS and images a moment to settle before the snapshot.
        double millis = step.file().startsWith("flows-") ? Math.max(1900, step.settleMillis()) : step.settleMillis();
        PauseTransition settle = new PauseTransition(Duration.millis(millis));
        settle.setOnFinished(e -> {
            javafx.scene.Scene scene = step.scene() == null ? stage.getScene() : step.scene().get();
            WritableImage image = scene.snapshot(null);
            if (step.scene() != null) {
                scene.getWindow().hide();
            }
            TourSupport.writePng(image, outDir.resolve(step.file()));
            next(steps, stage);
        });
        settle.play();
    }
    }
}
