package dev.kmslab.ui.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.flow.Flow;
import dev.kmslab.flow.FlowRecorder;
import dev.kmslab.ui.UiTests;
import java.security.SecureRandom;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** The player's state machine, without the toolkit. */
@ResourceLock(UiTests.JAVAFX)
class FlowPlayerModelTest {

    private static final Flow ENVELOPE = FlowRecorder.standalone(new SecureRandom())
            .record("envelope-encryption", Optional.empty());
    private final FlowPlayerModel model = new FlowPlayerModel();

    @Test
    void emptyPlayerCanGoNowhere() {
        assertThat(model.indexProperty().get()).isEqualTo(-1);
        assertThat(model.canGoBackProperty().get()).isFalse();
        assertThat(model.canGoNextProperty().get()).isFalse();
        assertThat(model.currentProperty().get()).isNull();
        model.play();
        assertThat(model.playingProperty().get()).isFalse();
    }

    @Test
    void loadingStartsAtTheFirstStepPaused() {
        model.load(ENVELOPE);
        assertThat(model.indexProperty().get()).isZero();
        assertThat(model.canGoBackProperty().get()).isFalse();
        assertThat(model.canGoNextProperty().get()).isTrue();
        assertThat(model.currentProperty().get()).isSameAs(ENVELOPE.steps().get(0));
    }

    @Test
    void nextAndBackStopAtTheEnds() {
        model.load(ENVELOPE);
        int last = ENVELOPE.steps().size() - 1;
        for (int i = 0; i < last + 3; i++) {
            model.next();
        }
        assertThat(model.indexProperty().get()).isEqualTo(last);
        assertThat(model.canGoNextProperty().get()).isFalse();
        assertThat(model.canGoBackProperty().get()).isTrue();
        model.back();
        assertThat(model.indexProperty().get()).isEqualTo(last - 1);
        for (int i = 0; i < last + 3; i++) {
            model.back();
        }
        assertThat(model.indexProperty().get()).isZero();
    }

    @Test
    void jumpStartAndEnd() {
        model.load(ENVELOPE);
        model.jump(3);
        assertThat(model.currentProperty().get()).isSameAs(ENVELOPE.steps().get(3));
        model.toEnd();
        assertThat(model.indexProperty().get()).isEqualTo(ENVELOPE.steps().size() - 1);
        model.toStart();
        assertThat(model.indexProperty().get()).isZero();
        assertThatThrownBy(() -> model.jump(ENVELOPE.steps().size())).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> model.jump(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void playingTicksToTheEndAndStops() {
        model.load(ENVELOPE);
        model.play();
        int ticks = 0;
        while (model.playingProperty().get() && ticks < 100) {
            model.tick();
            ticks++;
        }
        assertThat(ticks).isEqualTo(ENVELOPE.steps().size() - 1);
        assertThat(model.indexProperty().get()).isEqualTo(ENVELOPE.steps().size() - 1);
        assertThat(model.playingProperty().get()).isFalse();
    }

    @Test
    void playFromTheEndStartsOverAndPauseStopsTicking() {
        model.load(ENVELOPE);
        model.toEnd();
        model.play();
        assertThat(model.indexProperty().get()).isZero();
        model.tick();
        model.pause();
        model.tick();
        assertThat(model.indexProperty().get()).isEqualTo(1);
        model.togglePlay();
        assertThat(model.playingProperty().get()).isTrue();
        model.toStart();
        assertThat(model.playingProperty().get()).isFalse();
    }

    @Test
    void speedScalesTheAnimationAndRejectsZero() {
        model.setStepMillis(1200);
        model.setSpeed(2.0);
        assertThat(model.animationMillis()).isEqualTo(600.0);
        model.setSpeed(0);
        assertThat(model.speedProperty().get()).isEqualTo(2.0);
        model.setStepMillis(0);
        assertThat(model.animationMillis()).isZero();
    }
}
