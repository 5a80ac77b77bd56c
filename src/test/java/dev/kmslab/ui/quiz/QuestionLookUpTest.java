package dev.kmslab.ui.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.study.quiz.MutableClock;
import dev.kmslab.study.quiz.Question;
import dev.kmslab.study.quiz.practice.PracticeFilter;
import dev.kmslab.study.quiz.progress.QuizProgressStore;
import dev.kmslab.study.quiz.srs.CardState;
import dev.kmslab.ui.UiTests;
import dev.kmslab.ui.common.DirectUiExecutor;
import dev.kmslab.ui.quiz.QuizViewModel.Screen;
import dev.kmslab.ui.quiz.practice.PracticeViewModel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/** A search hit on a question opens that very question, and answering it does not replace a saved practice session. */
@ResourceLock(UiTests.JAVAFX)
class QuestionLookUpTest {

    @TempDir
    Path data;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

    private QuizViewModel open() {
        QuizViewModel model = new QuizViewModel(data, clock, new DirectUiExecutor(), () -> new Random(7),
                new ArrayList<String>()::add);
        model.load();
        return model;
    }

    private static Question multiTrackQuestion(QuizViewModel model) {
        return model.bankProperty().get().all().stream()
                .filter(q -> q.tracks().contains("SCS") && q.tracks().size() > 1 && !q.tracks().get(0).equals("SCS"))
                .findFirst().orElseThrow();
    }

    @Test
    void practiseQuestion_opensExactlyThatQuestion_inThePreferredTrackWhenItBelongsToIt() {
        QuizViewModel model = open();
        Question q = multiTrackQuestion(model);
        model.practiseQuestion(q.id(), "SCS");
        assertThat(model.screenProperty().get()).isEqualTo(Screen.PRACTICE);
        PracticeViewModel practice = model.practiceProperty().get();
        assertThat(practice.positionProperty().get()).isEqualTo("Question 1 of 1");
        assertThat(practice.draftProperty().get().question().question().id()).isEqualTo(q.id());
        assertThat(practice.session().filter().tracks()).containsExactly("SCS");
    }

    @Test
    void practiseQuestion_inATrackItDoesNotBelongTo_usesItsFirstTrack() {
        QuizViewModel model = open();
        Question q = model.bankProperty().get().all().stream().filter(x -> !x.tracks().contains("AIP"))
                .findFirst().orElseThrow();
        model.practiseQuestion(q.id(), "AIP");
        PracticeViewModel practice = model.practiceProperty().get();
        assertThat(practice.draftProperty().get().question().question().id()).isEqualTo(q.id());
        assertThat(practice.session().filter().tracks()).containsExactly(q.tracks().get(0));
    }

    @Test
    void practiseQuestion_unknownId_staysWhereItWas() {
        QuizViewModel model = open();
        model.practiseQuestion("no-such-question", "SCS");
        assertThat(model.screenProperty().get()).isEqualTo(Screen.HOME);
        assertThat(model.practiceProperty().get()).isNull();
    }

    @Test
    void answeringALookedUpQuestion_feedsTheScheduler_butKeepsTheSavedSession() throws Exception {
        QuizViewModel model = open();
        model.startPractice(PracticeFilter.track("DVA"), 10);
        Answering.correctly(model.practiceProperty().get().draftProperty().get());
        model.practiceProperty().get().submit();
        var saved = model.savedPractice().orElseThrow();

        Question q = multiTrackQuestion(model);
        model.practiseQuestion(q.id(), "SCS");
        PracticeViewModel lookUp = model.practiceProperty().get();
        Answering.wrongly(lookUp.draftProperty().get());
        lookUp.submit();
        assertThat(lookUp.feedbackProperty().get().correct()).isFalse();

        var store = QuizProgressStore.open(data, clock);
        assertThat(store.cards().get(q.id()).state()).isNotEqualTo(CardState.NEW);
        assertThat(store.cards().get(q.id()).due()).isBefore(clock.instant().plusSeconds(24 * 3600));
        assertThat(store.snapshot().attempts()).anyMatch(a -> a.questionId().equals(q.id()));
        assertThat(store.practice()).contains(saved);
        assertThat(model.resumePractice()).isTrue();
        assertThat(model.practiceProperty().get().session().size()).isEqualTo(10);
        assertThat(model.practiceProperty().get().session().answeredCount()).isEqualTo(1);
    }
}
