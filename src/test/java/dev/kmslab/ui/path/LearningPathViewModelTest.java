package dev.kmslab.ui.path;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.flow.FlowCatalogue;
import dev.kmslab.flow.FlowRecorder;
import dev.kmslab.study.content.ContentLoader;
import dev.kmslab.study.content.ContentSource;
import dev.kmslab.study.content.StudyContent;
import dev.kmslab.study.labs.CheckResult;
import dev.kmslab.study.labs.LabCatalogue;
import dev.kmslab.study.labs.LabLoader;
import dev.kmslab.study.labs.LabProgress;
import dev.kmslab.study.labs.LabSandbox;
import dev.kmslab.study.path.LearningPaths;
import dev.kmslab.study.path.ModuleProgress;
import dev.kmslab.study.path.PathLabs;
import dev.kmslab.study.path.PathLoader;
import dev.kmslab.study.path.StudyProgress;
import dev.kmslab.study.quiz.Attempt;
import dev.kmslab.study.quiz.TrackCatalog;
import dev.kmslab.study.quiz.progress.QuizProgressStore;
import dev.kmslab.ui.UiTests;
import dev.kmslab.ui.common.UiExecutor;
import dev.kmslab.ui.flows.FlowsViewModel;
import dev.kmslab.ui.study.StudyViewModel;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/** Ticks come from what the learner really did: a page scrolled to its end, a flow stepped through, a lab passed. */
@ResourceLock(UiTests.JAVAFX)
class LearningPathViewModelTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    private static final StudyContent CONTENT = ContentLoader.loadFromClasspath();
    private static final LabCatalogue LABS = new LabLoader(TrackCatalog.fromClasspath()).loadBuiltIn().catalogue();

    @TempDir
    Path data;

    private final List<String> errors = new ArrayList<>();

    private LearningPathViewModel model() {
        LearningPathViewModel model = new LearningPathViewModel(new StudyProgress(data, CLOCK), errors::add);
        LearningPaths paths = new PathLoader(CONTENT, FlowCatalogue.all().stream().map(f -> f.id())
                .collect(Collectors.toSet())).load(ContentSource.classpath());
        model.setContent(CONTENT, paths);
        return model;
    }

    private static ModuleProgress module(LearningPathViewModel model, String concept) {
        return model.progressProperty().get().modules().stream().filter(m -> m.module().concept().equals(concept))
                .findFirst().orElseThrow();
    }

    @Test
    void theExamChooserListsEveryTrack_theRetiredOneCannotBeChosen_andTheChoiceIsRemembered() {
        LearningPathViewModel model = model();
        assertThat(model.tracks()).extracting(LearningPathViewModel.TrackChoice::exam)
                .containsExactly("SAA-C03", "SAP-C03", "DVA-C03", "MLA-C02", "AIP-C01", "SCS-C03", "MLS-C01");
        assertThat(model.progressProperty().get()).isNull();
        model.chooseTrack("MLS");
        assertThat(model.trackProperty().get()).isNull();
        model.chooseTrack("SCS");
        assertThat(model.progressProperty().get().path().track()).isEqualTo("SCS");
        assertThat(model().trackProperty().get()).as("after a restart").isEqualTo("SCS");
        assertThat(errors).isEmpty();
    }

    @Test
    void readingThePageToItsEnd_playingTheFlow_passingTheLab_andAnsweringThreeQuestionsTickTheModule()
            throws Exception {
        LearningPathViewModel model = model();
        model.chooseTrack("SCS");
        assertThat(module(model, "key-policies").stepsDone()).isZero();

        // Opening the page is not reading it; reaching its end is.
        StudyViewModel study = new StudyViewModel(model::pageRead);
        study.setContent(CONTENT);
        study.show("key-policies");
        assertThat(module(model, "key-policies").pageRead()).isFalse();
        study.reachedEnd();
        assertThat(module(model, "key-policies").pageRead()).isTrue();

        // Jumping to the last step skips the story; stepping through it counts.
        FlowsViewModel flows = new FlowsViewModel(FlowRecorder.withLearnerEngine(() -> null, new SecureRandom()),
                UiExecutor.synchronous());
        FlowCompletion.watch(flows, model::flowFinished);
        flows.open("access-denied", Optional.empty());
        flows.player().toEnd();
        assertThat(module(model, "key-policies").flowWatched()).contains(false);
        flows.player().toStart();
        while (flows.player().canGoNextProperty().get()) {
            flows.player().next();
        }
        assertThat(module(model, "key-policies").flowWatched()).contains(true);

        // The lab passes through the real sandbox and the lab progress store.
        LabProgress labProgress = new LabProgress(data, CLOCK);
        model.setLabs(PathLabs.of(LABS, labProgress::passed));
        assertThat(module(model, "key-policies").labId()).contains("least-privilege-key-policy");
        try (LabSandbox sandbox = LabSandbox.start(LABS.lab("least-privilege-key-policy").orElseThrow())) {
            List<CheckResult> before = sandbox.check();
            labProgress.checked("least-privilege-key-policy", before.stream().allMatch(CheckResult::passed));
            model.refresh();
            assertThat(module(model, "key-policies").labPassed()).as("the starting state fails a check").isFalse();
            sandbox.runSolution();
            labProgress.checked("least-privilege-key-policy", sandbox.check().stream().allMatch(CheckResult::passed));
        }
        model.refresh();
        assertThat(module(model, "key-policies").labPassed()).isTrue();

        // Answers saved by the quiz store count per topic; two are not enough.
        QuizProgressStore quiz = QuizProgressStore.open(data, CLOCK);
        quiz.recordAttempts(List.of(attempt("q1", true), attempt("q2", false)));
        model.setAnswers(quiz.answeredByTopic());
        assertThat(module(model, "key-policies").done()).isFalse();
        quiz.recordAttempts(List.of(attempt("q3", true)));
        model.setAnswers(quiz.answeredByTopic());
        assertThat(module(model, "key-policies").done()).isTrue();
        assertThat(model.progressProperty().get().modulesDone()).isEqualTo(1);

        // Page read and flow finished survive a restart.
        LearningPathViewModel again = model();
        assertThat(module(again, "key-policies").pageRead()).isTrue();
        assertThat(module(again, "key-policies").flowWatched()).contains(true);
        assertThat(errors).isEmpty();
    }

    private static Attempt attempt(String id, boolean correct) {
        return new Attempt(id, List.of("SCS"), List.of("key-policies"), correct, CLOCK.instant(),
                Attempt.Mode.PRACTICE);
    }

    @Test
    void theStudyHeaderNamesTheOpenPage_andThePageEndsWithItsWatchTryAndTestLinks() {
        StudyViewModel study = new StudyViewModel(id -> { });
        assertThat(study.titleProperty().get()).isEqualTo("Study");
        study.setContent(CONTENT);
        study.setLabs(LABS);
        study.showFirstIfNone();
        assertThat(study.titleProperty().get()).isEqualTo("KMS keys and key material");
        study.show("key-policies");
        assertThat(study.titleProperty().get()).isEqualTo("Key policies, IAM policies and grants");
        assertThat(study.watch()).extracting(StudyViewModel.Link::id)
                .containsExactly("access-denied", "cross-account-decrypt", "grant-ebs");
        assertThat(study.watch()).extracting(StudyViewModel.Link::title).first().isEqualTo("Access denied");
        assertThat(study.tryLabs()).extracting(StudyViewModel.Link::id).contains("least-privilege-key-policy")
                .containsExactlyElementsOf(LABS.forConcept("key-policies").stream()
                        .map(dev.kmslab.study.labs.Lab::id).collect(java.util.stream.Collectors.toList()));
        assertThat(study.testTopics()).extracting(StudyViewModel.Link::id)
                .containsExactly("key-policies", "grants", "cross-account");
        assertThat(study.next().orElseThrow().id()).isEqualTo("key-rotation");
    }
}
