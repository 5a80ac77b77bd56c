package dev.kmslab.ui.flows;

import dev.kmslab.flow.Flow;
import dev.kmslab.flow.Step;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The state of the flow player, without any control: which flow, which step is shown, whether it auto-plays and how
 * fast. The view animates the current step and calls {@link #tick()} when the step has been on screen long enough;
 * tests call it directly. Step index -1 means "no flow".
 */
public final class FlowPlayerModel {

    /** The speeds offered, as multipliers of the base step duration. */
    public static final List<Double> SPEEDS = List.of(0.5, 1.0, 1.5, 2.0, 3.0);

    private final javafx.beans.property.ReadOnlyObjectWrapper<Flow> flow = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final javafx.beans.property.ReadOnlyIntegerWrapper index = new javafx.beans.property.ReadOnlyIntegerWrapper(-1);
    private final javafx.beans.property.ReadOnlyBooleanWrapper playing = new javafx.beans.property.ReadOnlyBooleanWrapper();
    private final javafx.beans.property.ReadOnlyDoubleWrapper speed = new javafx.beans.property.ReadOnlyDoubleWrapper(1.0);
    // How long one step's animation takes at 1× speed; 0 in tests makes every animation jump to its end.
    private final javafx.beans.property.ReadOnlyDoubleWrapper stepMillis = new javafx.beans.property.ReadOnlyDoubleWrapper(1600);
    private final BooleanBinding canGoBack = index.greaterThan(0);
    private final BooleanBinding canGoNext;
    private final ObjectBinding<Step> current;

    public FlowPlayerModel() {
        canGoNext = Bindings.createBooleanBinding(() -> flow.get() != null
                && index.get() < flow.get().steps().size() - 1, flow, index);
        current = Bindings.createObjectBinding(() -> flow.get() == null || index.get() < 0 ? null
                : flow.get().steps().get(index.get()), flow, index);
        speed.addListener((obs, was, now) -> {
            if (now.doubleValue() <= 0) {
                speed.set(was.doubleValue());
            }
        });
    }

    /** Shows a new flow from its first step, paused. */
    public void load(Flow newFlow) {
        playing.set(false);
        index.set(-1);
        flow.set(newFlow);
        index.set(newFlow == null || newFlow.steps().isEmpty() ? -1 : 0);
    }

    public void next() {
        if (canGoNext.get()) {
            index.set(index.get() + 1);
        }
    }

    public void back() {
        if (canGoBack.get()) {
            index.set(index.get() - 1);
        }
    }

    public void toStart() {
        pause();
        if (flow.get() != null && !flow.get().steps().isEmpty()) {
            index.set(0);
        }
    }

    public void toEnd() {
        pause();
        if (flow.get() != null) {
            index.set(flow.get().steps().size() - 1);
        }
    }

    public void jump(int step) {
        if (flow.get() == null || step < 0 || step >= flow.get().steps().size()) {
            throw new IndexOutOfBoundsException("no step " + step);
        }
        index.set(step);
    }

    /** Starts auto-play; from the last step it starts over from the first. */
    public void play() {
        if (flow.get() == null) {
            return;
        }
        if (!canGoNext.get()) {
            index.set(0);
        }
        playing.set(true);
    }

    public void pause() {
        playing.set(false);
    }

    public void togglePlay() {
        if (playing.get()) {
            pause();
        } else {
            play();
        }
    }

    /** While playing, moves to the next step; stops at the last one. */
    public void tick() {
        if (!playing.get()) {
            return;
        }
        if (canGoNext.get()) {
            next();
        }
        if (!canGoNext.get()) {
            playing.set(false);
        }
    }

    /** How long the current step's animation runs, at the chosen speed. */
    public double animationMillis() {
        return stepMillis.get() / speed.get();
    }

    public javafx.beans.property.ReadOnlyObjectProperty<Flow> flowProperty() {
        return flow.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyIntegerProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyDoubleProperty speedProperty() {
        return speed.getReadOnlyProperty();
    }

    /** Playback speed: 1 is normal, 2 twice as fast. */
    public void setSpeed(double value) {
        speed.set(value);
    }

    public javafx.beans.property.ReadOnlyDoubleProperty stepMillisProperty() {
        return stepMillis.getReadOnlyProperty();
    }

    /** How long a step animates at normal speed; 0 shows each step at once (exports, tests). */
    public void setStepMillis(double value) {
        stepMillis.set(value);
    }

    public BooleanBinding canGoBackProperty() {
        return canGoBack;
    }

    public BooleanBinding canGoNextProperty() {
        return canGoNext;
    }

    public ObjectBinding<Step> currentProperty() {
        return current;
    }
}
