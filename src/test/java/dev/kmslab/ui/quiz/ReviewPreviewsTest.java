package dev.kmslab.ui.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.study.quiz.MutableClock;
import dev.kmslab.study.quiz.progress.QuizProgressStore;
import dev.kmslab.study.quiz.srs.Card;
import dev.kmslab.study.quiz.srs.FsrsScheduler;
import dev.kmslab.study.quiz.srs.Grade;
import dev.kmslab.study.quiz.srs.IntervalFormat;
import dev.kmslab.ui.UiTests;
import dev.kmslab.ui.common.DirectUiExecutor;
import dev.kmslab.ui.quiz.practice.PracticeViewModel;
import dev.kmslab.ui.quiz.review.ReviewViewModel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The interval each review button shows is the one the scheduler then gives: a missed practice question comes back
 * in review, its Again preview is what rating it Again really schedules, and a card already learned shows all four.
 */
@ResourceLock(UiTests.JAVAFX)
class ReviewPreviewsTest {

    @TempDir
    Path data;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final FsrsScheduler scheduler = FsrsScheduler.withDefaults();

    private QuizViewModel open() {
        QuizViewModel model = new QuizViewModel(data, clock, new DirectUiExecutor(), () -> new Random(11),
                new ArrayList<String>()::add);
        model.load();
        return model;
    }

    private Card stored(String questionId) throws Exception {
        return QuizProgressStore.open(data, clock).card(questionId).orElseThrow();
    }

    private void assertPreviewsMatchTheScheduler(ReviewViewModel review, Card card) {
        Map<Grade, Duration> expected = scheduler.preview(card, clock.instant());
        assertThat(review.previews()).hasSize(4);
        expected.forEach((g, d) -> assertThat(review.previews().get(g)).as(g.name()).isEqualTo(IntervalFormat.of(d)));
    }

    @Test
    void aPracticeMissIsDueInReview_itsPreviewsAreTheSchedulers_andAgainSchedulesWhatItShowed() throws Exception {
        QuizViewModel model = open();
        model.startPractice(dev.kmslab.study.quiz.practice.PracticeFilter.track("DVA"), 10);
        PracticeViewModel practice = model.practiceProperty().get();
        String missed = practice.draftProperty().get().question().question().id();
        Answering.wrongly(practice.draftProperty().get());
        practice.submit();
        Card afterMiss = stored(missed);
        assertThat(afterMiss.due()).isBefore(clock.instant().plus(Duration.ofDays(1)));

        clock.advance(Duration.ofMinutes(2));
        model.home();
        model.startReview("DVA");
        ReviewViewModel review = model.reviewProperty().get();
        assertThat(review.draftProperty().get().question().question().id()).as("the miss comes first").isEqualTo(missed);
        Answering.wrongly(review.draftProperty().get());
        review.submit();
        assertPreviewsMatchTheScheduler(review, afterMiss);
        String againShown = review.previews().get(Grade.AGAIN);
        review.rate(Grade.AGAIN);
        Card again = stored(missed);
        assertThat(IntervalFormat.of(Duration.between(clock.instant(), again.due()))).isEqualTo(againShown);
    }

    @Test
    void aLearnedCard_showsFourDifferentIntervals_andGoodSchedulesWhatItShowed() throws Exception {
        QuizViewModel model = open();
        model.startReview("SAA");
        ReviewViewModel first = model.reviewProperty().get();
        String id = first.draftProperty().get().question().question().id();
        Answering.correctly(first.draftProperty().get());
        first.submit();
        first.rate(Grade.EASY);
        Card learned = stored(id);

        clock.advance(Duration.between(clock.instant(), learned.due()).plusMinutes(1));
        model.home();
        model.startReview("SAA");
        ReviewViewModel review = model.reviewProperty().get();
        assertThat(review.draftProperty().get().question().question().id()).isEqualTo(id);
        Answering.correctly(review.draftProperty().get());
        review.submit();
        assertPreviewsMatchTheScheduler(review, learned);
        assertThat(review.previews().values()).doesNotHaveDuplicates();
        String goodShown = review.previews().get(Grade.GOOD);
        review.rate(Grade.GOOD);
        assertThat(IntervalFormat.of(Duration.between(clock.instant(), stored(id).due()))).isEqualTo(goodShown);
    }
}
