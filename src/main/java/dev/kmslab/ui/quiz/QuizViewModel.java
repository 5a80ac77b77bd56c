package dev.kmslab.ui.quiz;

import dev.kmslab.study.quiz.QuestionBank;
import dev.kmslab.study.quiz.TrackCatalog;
import dev.kmslab.study.quiz.exam.ExamResult;
import dev.kmslab.study.quiz.exam.ExamSession;
import dev.kmslab.study.quiz.load.LoadProblem;
import dev.kmslab.study.quiz.load.LoadResult;
import dev.kmslab.study.quiz.load.QuestionBankLoader;
import dev.kmslab.study.quiz.practice.PracticeFilter;
import dev.kmslab.study.quiz.practice.PracticeSession;
import dev.kmslab.study.quiz.progress.QuizProgressStore;
import dev.kmslab.study.quiz.srs.DueQueue;
import dev.kmslab.study.quiz.srs.FsrsScheduler;
import dev.kmslab.study.quiz.srs.ReviewSession;
import dev.kmslab.ui.common.UiExecutor;
import dev.kmslab.ui.quiz.exam.ExamResultViewModel;
import dev.kmslab.ui.quiz.exam.ExamViewModel;
import dev.kmslab.ui.quiz.home.ProgressViewModel;
import dev.kmslab.ui.quiz.practice.PracticeSetupViewModel;
import dev.kmslab.ui.quiz.practice.PracticeViewModel;
import dev.kmslab.ui.quiz.review.ReviewViewModel;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The quiz section: loads the bank and the progress store in the background, then moves between the home page,
 * practice, exam simulation, its result and spaced-repetition review. Each mode has its own view-model; this one
 * creates them and persists what they produce.
 */
public final class QuizViewModel {

    /** Which page of the quiz section is shown. */
    public enum Screen { HOME, PRACTICE_SETUP, PRACTICE, EXAM_SETUP, EXAM, RESULT, REVIEW }

    /** New (never reviewed) questions added to a review session after the due cards. */
    public static final int NEW_CARDS_PER_SESSION = 10;

    private final Path dataDir;
    private final Clock clock;
    private final UiExecutor executor;
    private final Supplier<Random> randoms;
    private final Consumer<String> notices;
    private final FsrsScheduler scheduler = FsrsScheduler.withDefaults();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final ObjectProperty<QuestionBank> bank = new SimpleObjectProperty<>();
    private final ObservableList<LoadProblem> problems = FXCollections.observableArrayList();
    private final StringProperty error = new SimpleStringProperty();
    private final ObjectProperty<Screen> screen = new SimpleObjectProperty<>(Screen.HOME);
    private final StringProperty examTrack = new SimpleStringProperty();
    private final ObjectProperty<PracticeSetupViewModel> practiceSetup = new SimpleObjectProperty<>();
    private final ObjectProperty<PracticeViewModel> practice = new SimpleObjectProperty<>();
    private final ObjectProperty<ExamViewModel> exam = new SimpleObjectProperty<>();
    private final ObjectProperty<ExamResultViewModel> result = new SimpleObjectProperty<>();
    private final ObjectProperty<ReviewViewModel> review = new SimpleObjectProperty<>();
    private final ProgressViewModel progress;
    private final javafx.beans.property.ReadOnlyObjectWrapper<java.util.Map<String, Integer>> answeredByTopic =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(java.util.Map.of());
    private QuizStore store = new QuizStore(null, error::set, () -> { });
    private Consumer<String> labOpener;
    private boolean storeOpened;

    /**
     * @param notices where one-off messages go (the shell's notice bar), e.g. a damaged progress file
     */
    public QuizViewModel(Path dataDir, Clock clock, UiExecutor executor, Supplier<Random> randoms,
                         Consumer<String> notices) {
        this.dataDir = dataDir;
        this.clock = clock;
        this.executor = executor;
        this.randoms = randoms;
        this.notices = notices;
        this.progress = new ProgressViewModel(clock);
    }

    private record Loaded(LoadResult result, QuizProgressStore store, String storeError) {
    }

    /** Loads the bank (built-in plus instructor packs) and, the first time, the progress store, off the UI thread. */
    public void load() {
        if (loading.get()) {
            return;
        }
        loading.set(true);
        boolean openStore = !storeOpened;
        storeOpened = true;
        executor.run(() -> {
            LoadResult loaded = new QuestionBankLoader(TrackCatalog.fromClasspath()).load(dataDir);
            if (!openStore) {
                return new Loaded(loaded, null, null);
            }
            try {
                return new Loaded(loaded, QuizProgressStore.open(dataDir, clock), null);
            } catch (IOException e) {
                return new Loaded(loaded, null, "Quiz progress could not be opened (" + e.getMessage()
                        + "); answers in this session will not be saved.");
            }
        }, this::loaded, e -> {
            loading.set(false);
            error.set("The question bank could not be loaded: " + e.getMessage());
        });
    }

    private void loaded(Loaded loaded) {
        if (loaded.store() != null) {
            loaded.store().takeNotice().ifPresent(notices);
            store = new QuizStore(loaded.store(), error::set, this::refreshProgress);
        }
        if (loaded.storeError() != null) {
            notices.accept(loaded.storeError());
        }
        problems.setAll(loaded.result().problems());
        bank.set(loaded.result().bank());
        loading.set(false);
        refreshProgress();
    }

    private void refreshProgress() {
        progress.update(bank.get(), store);
        answeredByTopic.set(store.available() ? store.raw().answeredByTopic() : java.util.Map.of());
    }

    /** Answers given per topic id, saved ones only; the learning path ticks "topic quizzed" from it. */
    public javafx.beans.property.ReadOnlyObjectProperty<java.util.Map<String, Integer>> answeredByTopicProperty() {
        return answeredByTopic.getReadOnlyProperty();
    }

    /**
     * "Test yourself": the practice setup with the topics ticked, for {@code trackId} when it has questions on them
     * and for every track otherwise (a new track's bank may not cover every topic yet). Does nothing until the bank
     * has loaded.
     */
    public void practiseTopics(java.util.Collection<String> topics, String trackId) {
        if (bank.get() == null) {
            return;
        }
        PracticeSetupViewModel setup = new PracticeSetupViewModel(bank.get(), trackId);
        setup.topics().addAll(topics);
        if (trackId != null && setup.matchingProperty().get() == 0) {
            setup.tracks().clear();
        }
        practiceSetup.set(setup);
        screen.set(Screen.PRACTICE_SETUP);
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    public ObjectProperty<QuestionBank> bankProperty() {
        return bank;
    }

    /** Files and questions that did not load (file, JSON path, line, reason); the rest of the bank works. */
    public ObservableList<LoadProblem> problems() {
        return problems;
    }

    /** The last failure shown inline (a save that did not work); null when all is well. */
    public StringProperty errorProperty() {
        return error;
    }

    public ObjectProperty<Screen> screenProperty() {
        return screen;
    }

    public ProgressViewModel progress() {
        return progress;
    }

    public ObjectProperty<PracticeSetupViewModel> practiceSetupProperty() {
        return practiceSetup;
    }

    public ObjectProperty<PracticeViewModel> practiceProperty() {
        return practice;
    }

    public ObjectProperty<ExamViewModel> examProperty() {
        return exam;
    }

    public ObjectProperty<ExamResultViewModel> resultProperty() {
        return result;
    }

    public ObjectProperty<ReviewViewModel> reviewProperty() {
        return review;
    }

    /** The track whose exam setup page is shown. */
    public StringProperty examTrackProperty() {
        return examTrack;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * Opens a lab scenario by id ("Try it in the lab"); null until labs exist, which hides the button. The shell sets
     * it when a lab section registers.
     */
    public void setLabOpener(Consumer<String> opener) {
        this.labOpener = opener;
    }

    public Consumer<String> labOpener() {
        return labOpener;
    }

    /** The key handler of the page shown, if it takes keys. */
    public QuizKeys keys() {
        switch (screen.get()) {
            case PRACTICE:
                return practice.get();
            case EXAM:
                return exam.get();
            case REVIEW:
                return review.get();
            default:
                return null;
        }
    }

    public void home() {
        ExamViewModel running = exam.get();
        if (running != null && !running.submittedProperty().get() && screen.get() == Screen.EXAM) {
            return;
        }
        screen.set(Screen.HOME);
        refreshProgress();
    }

    /** The practice setup page, with {@code trackId} preselected (or nothing when null). */
    public void openPractice(String trackId) {
        if (bank.get() == null) {
            return;
        }
        practiceSetup.set(new PracticeSetupViewModel(bank.get(), trackId));
        screen.set(Screen.PRACTICE_SETUP);
    }

    public void startPractice(PracticeFilter filter) {
        PracticeSession session = new PracticeSession(bank.get(), filter, randoms.get(), clock);
        practice.set(new PracticeViewModel(session, filter, store::attempts));
        screen.set(Screen.PRACTICE);
    }

    public void openExamSetup(String trackId) {
        if (bank.get() == null) {
            return;
        }
        examTrack.set(trackId);
        screen.set(Screen.EXAM_SETUP);
    }

    /** Starts a timed exam of {@code count} questions (fewer when the bank has fewer for the track). */
    public void startExam(String trackId, int count) {
        ExamSession session = ExamSession.start(bank.get(), trackId, count, clock, randoms.get());
        exam.set(new ExamViewModel(session, this::examFinished));
        screen.set(Screen.EXAM);
    }

    private void examFinished(ExamSession session) {
        ExamResult r = session.result().orElseThrow();
        store.exam(r, session.attempts());
        result.set(new ExamResultViewModel(r, bank.get().catalog().requireTrack(r.trackId())));
        screen.set(Screen.RESULT);
    }

    public void startReview(String trackId) {
        ReviewSession session = new ReviewSession(bank.get(), trackId,
                DueQueue.due(bank.get(), trackId, store.cards(), clock.instant(), NEW_CARDS_PER_SESSION),
                scheduler, clock, randoms.get());
        review.set(new ReviewViewModel(session, trackId, store::card, store::attempts));
        screen.set(Screen.REVIEW);
    }

    /** Forgets a track's exams, attempts and cards; the view asks for confirmation first. */
    public boolean resetTrack(String trackId) {
        return bank.get() != null && store.reset(trackId, bank.get());
    }

    public boolean canSave() {
        return store.available();
    }
}
