package dev.kmslab.ui.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.study.quiz.MutableClock;
import dev.kmslab.study.quiz.QuestionJson;
import dev.kmslab.study.quiz.exam.ExamResult;
import dev.kmslab.study.quiz.exam.GridItem;
import dev.kmslab.study.quiz.exam.ReviewFilter;
import dev.kmslab.study.quiz.practice.PracticeFilter;
import dev.kmslab.study.quiz.progress.QuizProgressStore;
import dev.kmslab.study.quiz.srs.CardState;
import dev.kmslab.study.quiz.srs.Grade;
import dev.kmslab.ui.UiTests;
import dev.kmslab.ui.common.DirectUiExecutor;
import dev.kmslab.ui.common.UiExecutor;
import dev.kmslab.ui.quiz.QuizViewModel.Screen;
import dev.kmslab.ui.quiz.exam.ExamResultViewModel;
import dev.kmslab.ui.quiz.exam.ExamViewModel;
import dev.kmslab.ui.quiz.home.TrackSummary;
import dev.kmslab.ui.quiz.practice.PracticeViewModel;
import dev.kmslab.ui.quiz.review.ReviewViewModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

@ResourceLock(UiTests.JAVAFX)
class QuizViewModelTest {

    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path data;

    private final MutableClock clock = new MutableClock(START);
    private final List<String> notices = new ArrayList<>();
    private final dev.kmslab.ui.common.ScriptedDialogs dialogs = new dev.kmslab.ui.common.ScriptedDialogs();

    private QuizViewModel open() {
        QuizViewModel model = new QuizViewModel(data, clock, new DirectUiExecutor(), () -> new Random(7),
                notices::add, dialogs);
        model.load();
        return model;
    }

    private QuizProgressStore reopenStore() throws Exception {
        return QuizProgressStore.open(data, clock);
    }

    @Test
    void load_readsTheBuiltInBankAndInstructorPacks_andReportsBadPackFiles() throws Exception {
        Files.createDirectories(data.resolve("quizzes"));
        Files.write(data.resolve("quizzes/good.json"), QuestionJson.file("good.json",
                QuestionJson.single("pack-1")).content());
        Files.writeString(data.resolve("quizzes/broken.json"), "{\"questions\": [\n  {\"id\": ", StandardCharsets.UTF_8);
        QuizViewModel model = open();
        assertThat(model.loadingProperty().get()).isFalse();
        assertThat(model.bankProperty().get().byId("pack-1")).isPresent();
        assertThat(model.bankProperty().get().size()).isGreaterThan(200);
        assertThat(model.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).endsWith("broken.json");
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).startsWith("not valid JSON");
        });
        assertThat(model.progress().tracks()).extracting(TrackSummary::id)
                .containsExactly("SAA", "SAP", "DVA", "MLA", "AIP", "SCS", "MLS");
        assertThat(model.progress().tracks().get(6).track().retiredNoteIfAny()).isPresent();
    }

    @Test
    void load_staysLoadingUntilTheExecutorReportsBack_andAFailureIsShown() {
        List<Runnable> pending = new ArrayList<>();
        UiExecutor deferred = new UiExecutor() {
            @Override
            public <T> void submit(Callable<T> work, Consumer<? super T> onDone, Consumer<? super Exception> onError) {
                pending.add(() -> onError.accept(new IOException("disk gone")));
            }
        };
        QuizViewModel model = new QuizViewModel(data, clock, deferred, Random::new, notices::add);
        model.load();
        assertThat(model.loadingProperty().get()).isTrue();
        assertThat(model.bankProperty().get()).isNull();
        model.openPractice("SAA");
        assertThat(model.screenProperty().get()).isEqualTo(Screen.HOME);
        pending.forEach(Runnable::run);
        assertThat(model.loadingProperty().get()).isFalse();
        assertThat(model.errorProperty().get()).isEqualTo("The question bank could not be loaded: disk gone");
    }

    @Test
    void load_calledAgainWhileLoading_readsTheBankOnceMoreWhenThatLoadIsDone_soAPackImportedMeanwhileIsIn()
            throws Exception {
        // Reads at once, reports back later: as a worker thread that has read the files while the FX thread is busy.
        List<Runnable> pending = new ArrayList<>();
        UiExecutor deferred = new UiExecutor() {
            @Override
            public <T> void submit(Callable<T> work, Consumer<? super T> onDone, Consumer<? super Exception> onError) {
                try {
                    T result = work.call();
                    pending.add(() -> onDone.accept(result));
                } catch (Exception e) {
                    pending.add(() -> onError.accept(e));
                }
            }
        };
        QuizViewModel model = new QuizViewModel(data, clock, deferred, Random::new, notices::add);
        model.load();
        Files.createDirectories(data.resolve("quizzes"));
        Files.write(data.resolve("quizzes/late.json"), QuestionJson.file("late.json",
                QuestionJson.single("late-1")).content());

        model.load();
        assertThat(pending).hasSize(1);
        pending.remove(0).run();

        assertThat(model.bankProperty().get().byId("late-1")).as("the first read, made before the pack came").isEmpty();
        assertThat(model.loadingProperty().get()).isTrue();
        assertThat(pending).hasSize(1);
        pending.remove(0).run();
        assertThat(model.bankProperty().get().byId("late-1")).isPresent();
        assertThat(model.loadingProperty().get()).isFalse();
        assertThat(pending).isEmpty();
    }

    @Test
    void damagedProgressFile_isReportedOnceThroughTheNotices() throws Exception {
        Files.writeString(data.resolve(QuizProgressStore.FILE_NAME), "{broken");
        QuizViewModel model = open();
        assertThat(notices).singleElement().asString().startsWith("Your quiz progress file could not be read");
        model.load();
        assertThat(notices).hasSize(1);
        try (Stream<Path> files = Files.list(data)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.startsWith(QuizProgressStore.FILE_NAME + ".corrupt-"));
        }
    }

    @Test
    void practice_submitShowsFeedbackWithEveryOption_savesTheAttempt_andMovesOn() throws Exception {
        QuizViewModel model = open();
        model.openPractice("DVA");
        assertThat(model.screenProperty().get()).isEqualTo(Screen.PRACTICE_SETUP);
        var setup = model.practiceSetupProperty().get();
        setup.topics().add("lambda");
        int matching = setup.matchingProperty().get();
        assertThat(matching).isPositive().isLessThan(model.bankProperty().get().forTrack("DVA").size());
        model.startPractice(setup.filter());
        PracticeViewModel practice = model.practiceProperty().get();
        assertThat(practice.positionProperty().get()).isEqualTo("Question 1 of " + matching);
        assertThat(practice.domainLabel()).startsWith("DVA: ");
        assertThat(practice.enter()).isFalse();
        Answering.correctly(practice.draftProperty().get());
        assertThat(practice.enter()).isTrue();
        var feedback = practice.feedbackProperty().get();
        assertThat(feedback.correct()).isTrue();
        assertThat(feedback.options()).hasSize(practice.draftProperty().get().question().options().size())
                .allSatisfy(o -> assertThat(o.explanation()).isNotBlank());
        assertThat(practice.draftProperty().get().lockedProperty().get()).isTrue();
        assertThat(reopenStore().snapshot().attempts()).singleElement()
                .satisfies(a -> assertThat(a.tracks()).containsExactly("DVA"));
        assertThat(practice.next()).isTrue();
        assertThat(practice.positionProperty().get()).isEqualTo("Question 2 of " + matching);
        Answering.wrongly(practice.draftProperty().get());
        practice.submit();
        assertThat(practice.feedbackProperty().get().correct()).isFalse();
        assertThat(practice.scoreProperty().get()).isEqualTo("1 of 2 correct so far");
    }

    @Test
    void practice_withNothingMatching_finishesAtOnce() {
        QuizViewModel model = open();
        model.startPractice(new PracticeFilter(Set.of("MLS"), Set.of(), Set.of("no-such-topic")));
        PracticeViewModel practice = model.practiceProperty().get();
        assertThat(practice.finishedProperty().get()).isTrue();
        assertThat(practice.draftProperty().get()).isNull();
        assertThat(practice.enter()).isFalse();
    }

    @Test
    void exam_navigationFlagsAndGrid_thenSubmitScoresByDomainAndSaves() throws Exception {
        QuizViewModel model = open();
        model.openExamSetup("SAA");
        assertThat(model.screenProperty().get()).isEqualTo(Screen.EXAM_SETUP);
        model.startExam("SAA", 4);
        ExamViewModel exam = model.examProperty().get();
        assertThat(exam.remainingProperty().get()).isEqualTo("8:00");
        Answering.correctly(exam.draftProperty().get());
        assertThat(QuizKeyMap.handle(exam, KeyCode.N)).isTrue();
        assertThat(QuizKeyMap.handle(exam, KeyCode.F)).isTrue();
        exam.goTo(3);
        Answering.wrongly(exam.draftProperty().get());
        assertThat(exam.previous()).isTrue();
        assertThat(exam.flaggedProperty().get()).isFalse();
        exam.goTo(1);
        assertThat(exam.flaggedProperty().get()).isTrue();
        assertThat(exam.grid()).containsExactly(new GridItem(1, true, false, false), new GridItem(2, false, true, true),
                new GridItem(3, false, false, false), new GridItem(4, true, false, false));
        assertThat(exam.submitQuestion()).contains("2 questions are unanswered").contains("1 question is flagged");
        exam.goTo(0);
        assertThat(exam.draftProperty().get().toAnswer()).isEqualTo(exam.session().answerAt(0).orElseThrow());
        clock.advance(Duration.ofMinutes(3));
        exam.tick();
        assertThat(exam.remainingProperty().get()).isEqualTo("5:00");
        dialogs.willCancel().willConfirm();
        exam.askToSubmit();
        assertThat(model.screenProperty().get()).as("cancelled").isEqualTo(Screen.EXAM);
        exam.askToSubmit();
        assertThat(dialogs.asked()).extracting(q -> q.title() + " / " + q.confirmLabel())
                .containsOnly("Submit the exam / Submit");
        assertThat(dialogs.asked().get(0).text()).isEqualTo(exam.submitQuestion());
        assertThat(model.screenProperty().get()).isEqualTo(Screen.RESULT);
        ExamResultViewModel result = model.resultProperty().get();
        ExamResult r = result.result();
        assertThat(r.correct()).isEqualTo(1);
        assertThat(r.timedOut()).isFalse();
        assertThat(result.verdict()).isEqualTo("FAIL");
        assertThat(result.scoreLine()).isEqualTo("325 / 1000 · pass mark 720");
        assertThat(result.domains()).allSatisfy(d -> assertThat(d.total()).isPositive());
        assertThat(result.domains().stream().mapToInt(d -> d.total()).sum()).isEqualTo(4);
        result.setFilter(ReviewFilter.FLAGGED);
        assertThat(result.entries()).extracting(e -> e.number()).containsExactly(2);
        result.setFilter(ReviewFilter.UNANSWERED);
        assertThat(result.entries()).extracting(e -> e.number()).containsExactly(2, 3);
        assertThat(result.count(ReviewFilter.INCORRECT)).isEqualTo(3);
        QuizProgressStore store = reopenStore();
        assertThat(store.scoresOverTime("SAA")).singleElement().satisfies(p -> assertThat(p.scaledScore())
                .isEqualTo(325));
        assertThat(store.snapshot().attempts()).hasSize(4);
        assertThat(model.progress().tracks().get(0).scoreLine()).startsWith("Best 325 · last 325");
    }

    @Test
    void exam_timeOutWhileTheSubmitQuestionIsOpen_confirmingLaterSubmitsNothingMore() throws Exception {
        QuizViewModel model = open();
        model.startExam("DVA", 2);
        ExamViewModel exam = model.examProperty().get();
        dialogs.willHold();
        exam.askToSubmit();
        clock.advance(Duration.ofMinutes(4));
        exam.tick();
        assertThat(model.resultProperty().get().result().timedOut()).isTrue();
        dialogs.confirmHeld();
        assertThat(reopenStore().scoresOverTime("DVA")).hasSize(1);
        assertThat(model.resultProperty().get().result().timedOut()).isTrue();
        exam.askToSubmit(); // a submitted exam asks nothing: an unexpected question would fail the test
        assertThat(dialogs.asked()).hasSize(1);
    }

    @Test
    void exam_timeOut_submitsOnTheNextTick_andLocksTheAnswers() throws Exception {
        QuizViewModel model = open();
        model.startExam("DVA", 2);
        ExamViewModel exam = model.examProperty().get();
        Answering.correctly(exam.draftProperty().get());
        clock.advance(Duration.ofMinutes(3).plusSeconds(59));
        exam.tick();
        assertThat(exam.remainingProperty().get()).isEqualTo("0:01");
        assertThat(model.screenProperty().get()).isEqualTo(Screen.EXAM);
        clock.advance(Duration.ofSeconds(1));
        exam.tick();
        assertThat(exam.submittedProperty().get()).isTrue();
        assertThat(exam.remainingProperty().get()).isEqualTo("0:00");
        assertThat(model.screenProperty().get()).isEqualTo(Screen.RESULT);
        assertThat(model.resultProperty().get().result().timedOut()).isTrue();
        assertThat(model.resultProperty().get().rawLine()).contains("automatically");
        assertThat(exam.next()).isFalse();
        assertThat(exam.flag()).isFalse();
        exam.tick();
        exam.submit();
        assertThat(reopenStore().scoresOverTime("DVA")).hasSize(1);
    }

    @Test
    void review_gradesAreLimitedByCorrectness_andEveryRatingIsSaved() throws Exception {
        QuizViewModel model = open();
        assertThat(model.progress().tracks().get(0).reviewLine()).isEqualTo("0 due today · "
                + model.bankProperty().get().forTrack("SAA").size() + " new · 0 learned");
        model.startReview("SAA");
        ReviewViewModel review = model.reviewProperty().get();
        assertThat(review.size()).isEqualTo(QuizViewModel.NEW_CARDS_PER_SESSION);
        Answering.correctly(review.draftProperty().get());
        review.submit();
        assertThat(review.grades()).containsExactly(Grade.HARD, Grade.GOOD, Grade.EASY);
        String first = review.draftProperty().get().question().question().id();
        assertThat(QuizKeyMap.handle(review, KeyCode.DIGIT1)).isFalse();
        assertThat(QuizKeyMap.handle(review, KeyCode.DIGIT3)).isTrue();
        Answering.wrongly(review.draftProperty().get());
        String second = review.draftProperty().get().question().question().id();
        review.submit();
        assertThat(review.grades()).containsExactly(Grade.AGAIN);
        review.rate(Grade.GOOD);
        assertThat(review.reviewedProperty().get()).isEqualTo(1);
        review.enter();
        assertThat(review.reviewedProperty().get()).isEqualTo(2);
        QuizProgressStore store = reopenStore();
        assertThat(store.card(first).orElseThrow().state()).isEqualTo(CardState.LEARNING);
        assertThat(store.card(first).orElseThrow().due()).isEqualTo(START.plus(Duration.ofMinutes(10)));
        assertThat(store.card(second).orElseThrow().due()).isEqualTo(START.plus(Duration.ofMinutes(1)));
        clock.advance(Duration.ofMinutes(11));
        model.home();
        assertThat(model.progress().tracks().get(0).dueCards()).isEqualTo(2);
    }

    @Test
    void resetTrack_cancelledKeepsItsExams_confirmedForgetsThem() throws Exception {
        QuizViewModel model = open();
        model.startExam("SAP", 1);
        model.examProperty().get().submit();
        assertThat(model.progress().tracks().get(1).exams()).isEqualTo(1);
        dialogs.willCancel().willConfirm();
        model.askToResetTrack("SAP");
        assertThat(model.progress().tracks().get(1).exams()).as("cancelled").isEqualTo(1);
        model.askToResetTrack("SAP");
        assertThat(dialogs.asked()).extracting(q -> q.title()).containsOnly("Reset quiz progress for SAP");
        assertThat(model.progress().tracks().get(1).exams()).isZero();
        assertThat(reopenStore().scoresOverTime("SAP")).isEmpty();
    }

    @Test
    void labButtonHookIsEmptyUntilRegistered() {
        QuizViewModel model = open();
        assertThat(model.labOpener()).isNull();
        List<String> opened = new ArrayList<>();
        model.setLabOpener(opened::add);
        model.labOpener().accept("envelope-encryption");
        assertThat(opened).containsExactly("envelope-encryption");
    }
}
