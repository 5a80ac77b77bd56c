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
import dev.kmslab.study.quiz.practice.PracticeState;
import dev.kmslab.study.quiz.srs.Card;
import dev.kmslab.study.quiz.srs.LearningLoop;
import dev.kmslab.study.quiz.srs.Readiness;
import dev.kmslab.study.quiz.progress.QuizProgressStore;
import dev.kmslab.study.quiz.srs.DueQueue;
import dev.kmslab.study.quiz.srs.FsrsScheduler;
import dev.kmslab.study.quiz.srs.ReviewSession;
import dev.kmslab.ui.common.UiExecutor;
import dev.kmslab.ui.quiz.common.QuizKeys;
import dev.kmslab.ui.quiz.common.QuizStore;
import dev.kmslab.ui.quiz.exam.ExamResultViewModel;
import dev.kmslab.ui.quiz.exam.ExamViewModel;
import dev.kmslab.ui.quiz.home.ProgressViewModel;
import dev.kmslab.ui.quiz.practice.PracticeSetupViewModel;
import dev.kmslab.ui.quiz.practice.PracticeViewModel;
import dev.kmslab.ui.quiz.review.ReviewViewModel;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
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
public final class QuizViewModel implements dev.kmslab.ui.quiz.home.HomeScreens,
        dev.kmslab.ui.quiz.exam.ExamScreens, dev.kmslab.ui.quiz.practice.PracticeScreens {

    /** Which page of the quiz section is shown. */
    public enum Screen { HOME, PRACTICE_SETUP, PRACTICE, EXAM_SETUP, EXAM, RESULT, REVIEW }

    /** New (never reviewed) questions added to a review session after the due cards. */
    public static final int NEW_CARDS_PER_SESSION = 10;

    /** Questions in a "drill the weakest domain" session. */
    public static final int DRILL_LENGTH = dev.kmslab.ui.quiz.home.HomeScreens.DRILL_LENGTH;

    private final Path dataDir;
    private final dev.kmslab.ui.common.DialogService dialogs;
    private final Clock clock;
    private final UiExecutor executor;
    private final Supplier<Random> randoms;
    private final Consumer<String> notices;
    private final FsrsScheduler scheduler = FsrsScheduler.withDefaults();
    private final LearningLoop loop = new LearningLoop(scheduler);
    private final javafx.beans.property.ReadOnlyBooleanWrapper loading = new javafx.beans.property.ReadOnlyBooleanWrapper();
    private boolean loadAgain;
    private final javafx.beans.property.ReadOnlyObjectWrapper<QuestionBank> bank = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final ObservableList<LoadProblem> problems = FXCollections.observableArrayList();
    private final javafx.beans.property.ReadOnlyStringWrapper error = new javafx.beans.property.ReadOnlyStringWrapper();
    private final javafx.beans.property.ReadOnlyObjectWrapper<Screen> screen = new javafx.beans.property.ReadOnlyObjectWrapper<>(Screen.HOME);
    private final javafx.beans.property.ReadOnlyStringWrapper examTrack = new javafx.beans.property.ReadOnlyStringWrapper();
    private final javafx.beans.property.ReadOnlyObjectWrapper<PracticeSetupViewModel> practiceSetup = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final javafx.beans.property.ReadOnlyObjectWrapper<PracticeViewModel> practice = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final javafx.beans.property.ReadOnlyObjectWrapper<ExamViewModel> exam = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final javafx.beans.property.ReadOnlyObjectWrapper<ExamResultViewModel> result = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final javafx.beans.property.ReadOnlyObjectWrapper<ReviewViewModel> review = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final ProgressViewModel progress;
    private final javafx.beans.property.ReadOnlyObjectWrapper<dev.kmslab.study.content.StudyContent> content = new javafx.beans.property.ReadOnlyObjectWrapper<>();
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
        this(dataDir, clock, executor, randoms, notices, dev.kmslab.ui.common.DialogService.none());
    }

    /**
     * @param notices where one-off messages go (the shell's notice bar), e.g. a damaged progress file
     * @param dialogs asks before submitting an exam and before resetting a track
     */
    public QuizViewModel(Path dataDir, Clock clock, UiExecutor executor, Supplier<Random> randoms,
                         Consumer<String> notices, dev.kmslab.ui.common.DialogService dialogs) {
        this.dialogs = dialogs;
        this.dataDir = dataDir;
        this.clock = clock;
        this.executor = executor;
        this.randoms = randoms;
        this.notices = notices;
        this.progress = new ProgressViewModel(clock, scheduler);
    }

    private record Loaded(LoadResult result, QuizProgressStore store, String storeError) {
    }

    /**
     * Loads the bank (built-in plus instructor packs) and, the first time, the progress store, off the UI thread.
     * Called again while loading (a pack was imported meanwhile), it reads the bank once more when that load is done.
     */
    public void load() {
        if (loading.get()) {
            loadAgain = true;
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
        store.lastTrack().ifPresent(progress::showTrack);
        problems.setAll(loaded.result().problems());
        bank.set(loaded.result().bank());
        loading.set(false);
        refreshProgress();
        if (loadAgain) {
            loadAgain = false;
            load();
        }
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

    public javafx.beans.property.ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyObjectProperty<QuestionBank> bankProperty() {
        return bank.getReadOnlyProperty();
    }

    /** Files and questions that did not load (file, JSON path, line, reason); the rest of the bank works. */
    public ObservableList<LoadProblem> problems() {
        return problems;
    }

    /** The last failure shown inline (a save that did not work); null when all is well. */
    public javafx.beans.property.ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyObjectProperty<Screen> screenProperty() {
        return screen.getReadOnlyProperty();
    }

    public ProgressViewModel progress() {
        return progress;
    }

    public javafx.beans.property.ReadOnlyObjectProperty<PracticeSetupViewModel> practiceSetupProperty() {
        return practiceSetup.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyObjectProperty<PracticeViewModel> practiceProperty() {
        return practice.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyObjectProperty<ExamViewModel> examProperty() {
        return exam.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyObjectProperty<ExamResultViewModel> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyObjectProperty<ReviewViewModel> reviewProperty() {
        return review.getReadOnlyProperty();
    }

    /** The track whose exam setup page is shown. */
    public javafx.beans.property.ReadOnlyStringProperty examTrackProperty() {
        return examTrack.getReadOnlyProperty();
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

    /** The study content (concept pages), for the feedback's link to the question's concept page. */
    public javafx.beans.property.ReadOnlyObjectProperty<dev.kmslab.study.content.StudyContent> contentProperty() {
        return content.getReadOnlyProperty();
    }

    /** The study content, once it has loaded. */
    public void setContent(dev.kmslab.study.content.StudyContent value) {
        content.set(value);
    }

    /**
     * The concept page (id and title) for a question: the first of its topics that a concept page covers, in the
     * question's topic order; empty until the content has loaded or when no page covers its topics.
     */
    public Optional<java.util.Map.Entry<String, String>> conceptFor(dev.kmslab.study.quiz.Question q) {
        if (content.get() == null) {
            return Optional.empty();
        }
        for (String topic : q.topics()) {
            for (dev.kmslab.study.content.Concept c : content.get().concepts()) {
                if (c.topics().contains(topic) || c.id().equals(topic)) {
                    return Optional.of(java.util.Map.entry(c.id(), c.title()));
                }
            }
        }
        return Optional.empty();
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
        startPractice(filter, PracticeSession.ALL);
    }

    /** Starts a practice session of {@code length} questions ({@link PracticeSession#ALL} for every match). */
    public void startPractice(PracticeFilter filter, int length) {
        show(new PracticeSession(bank.get(), filter, length, randoms.get(), clock));
        store.practice(practice.get().session().state());
    }

    /** The unfinished practice session saved in the progress file, if any. */
    public Optional<PracticeState> savedPractice() {
        return store.practice();
    }

    /** Goes back to the saved practice session at its next unanswered question; false when there is none. */
    public boolean resumePractice() {
        Optional<PracticeState> saved = store.practice();
        if (bank.get() == null || saved.isEmpty()) {
            return false;
        }
        Optional<PracticeSession> session = PracticeSession.resume(bank.get(), saved.get(), randoms.get(), clock);
        if (session.isEmpty()) {
            store.practice(null);
            refreshProgress();
            return false;
        }
        show(session.get());
        return true;
    }

    /** Practises the track's domain with the lowest readiness, {@link #DRILL_LENGTH} questions at a time. */
    public void drillWeakest(String trackId) {
        if (bank.get() == null) {
            return;
        }
        Readiness.weakest(Readiness.byDomain(bank.get().catalog().requireTrack(trackId), bank.get(), store.cards(),
                scheduler, clock.instant()))
                .ifPresent(d -> startPractice(PracticeFilter.domain(trackId, d.domain()), DRILL_LENGTH));
    }

    /** Practises the track's questions whose latest answer was wrong; false when there are none. */
    public boolean drillMistakes(String trackId) {
        if (bank.get() == null) {
            return false;
        }
        Set<String> mistakes = store.mistakes(trackId, bank.get());
        if (mistakes.isEmpty()) {
            return false;
        }
        startPractice(PracticeFilter.questions(trackId, mistakes), PracticeSession.ALL);
        return true;
    }

    /**
     * Opens one question as a practice round of its own (a search hit on it): in {@code preferredTrack} when the
     * question belongs to it, else in its first track. Its answer feeds the scheduler like any practice answer, but a
     * practice session the learner saved to resume stays saved. Does nothing until the bank has loaded or when no
     * question has that id.
     */
    public void practiseQuestion(String questionId, String preferredTrack) {
        if (bank.get() == null) {
            return;
        }
        bank.get().byId(questionId).ifPresent(q -> {
            String track = q.tracks().contains(preferredTrack) ? preferredTrack : q.tracks().get(0);
            show(new PracticeSession(bank.get(), PracticeFilter.questions(track, Set.of(questionId)),
                    PracticeSession.ALL, randoms.get(), clock), true);
        });
    }

    private void show(PracticeSession session) {
        show(session, false);
    }

    /** @param lookUp a one-question look-up: the saved session to resume stays as it was instead of this one */
    private void show(PracticeSession session, boolean lookUp) {
        session.filter().tracks().stream().sorted().findFirst().ifPresent(this::rememberTrack);
        practice.set(new PracticeViewModel(session, loop, clock, store::cardOf, new PracticeViewModel.Saver() {
            @Override
            public void answer(dev.kmslab.study.quiz.Attempt attempt, Card card, PracticeState state) {
                store.practiceAnswer(attempt, card, lookUp ? store.practice().orElse(null) : state);
            }

            @Override
            public void regrade(Card card) {
                store.card(card);
            }
        }));
        screen.set(Screen.PRACTICE);
    }

    private void rememberTrack(String trackId) {
        store.lastTrack(trackId);
        progress.showTrack(trackId);
    }

    /** The track the learner used last (practice, exam or review), if any. */
    public Optional<String> lastTrack() {
        return store.lastTrack();
    }

    public void openExamSetup(String trackId) {
        if (bank.get() == null) {
            return;
        }
        examTrack.set(trackId);
        rememberTrack(trackId);
        screen.set(Screen.EXAM_SETUP);
    }

    /** Starts a timed exam of {@code count} questions (fewer when the bank has fewer for the track). */
    public void startExam(String trackId, int count) {
        ExamSession session = ExamSession.start(bank.get(), trackId, count, clock, randoms.get());
        exam.set(new ExamViewModel(session, this::examFinished, dialogs));
        screen.set(Screen.EXAM);
    }

    private void examFinished(ExamSession session) {
        ExamResult r = session.result().orElseThrow();
        // Every exam answer is also a review: wrong or unanswered questions come back within minutes.
        store.exam(r, session.attempts(), loop.exam(r, store.cards(), clock.instant()));
        result.set(new ExamResultViewModel(r, bank.get().catalog().requireTrack(r.trackId())));
        screen.set(Screen.RESULT);
    }

    public void startReview(String trackId) {
        ReviewSession session = new ReviewSession(bank.get(), trackId,
                DueQueue.due(bank.get(), trackId, store.cards(), clock.instant(), NEW_CARDS_PER_SESSION),
                scheduler, clock, randoms.get());
        review.set(new ReviewViewModel(session, trackId, store::card, store::attempts, scheduler, clock));
        rememberTrack(trackId);
        screen.set(Screen.REVIEW);
    }

    /** Asks before forgetting a track's results ("Reset track"); resets it only if the learner confirms. */
    public void askToResetTrack(String trackId) {
        dialogs.confirm(new dev.kmslab.ui.common.DialogService.Confirmation("Reset quiz progress for " + trackId, "Forget the " + trackId
                + " exam results, answers and review schedule? Other tracks keep theirs (a question shared with "
                + "another track restarts its review schedule there too).", "Reset track"),
                () -> resetTrack(trackId));
    }

    /** Forgets a track's exams, attempts and cards (without asking: {@link #askToResetTrack} asks first). */
    public boolean resetTrack(String trackId) {
        return bank.get() != null && store.reset(trackId, bank.get());
    }

    public boolean canSave() {
        return store.available();
    }
}
