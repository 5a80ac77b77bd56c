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

    private final ObjectProperty<Flow> flow = new SimpleObjectProperty<>();
    private final IntegerProperty index = new SimpleIntegerProperty(-1);
    private final BooleanProperty playing = new SimpleBooleanProperty();
    private final DoubleProperty speed = new SimpleDoubleProperty(1.0);
    // How long one step's animation takes at 1× speed; 0 in tests makes every animation jump to its end.
    private final DoubleProperty stepMillis = new SimpleDoubleProperty(1600);
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

    public ObjectProperty<Flow> flowProperty() {
        return flow;
    }

    public IntegerProperty indexProperty() {
        return index;
    }

    public BooleanProperty playingProperty() {
        return playing;
    }

    public DoubleProperty speedProperty() {
        return speed;
    }

    public DoubleProperty stepMillisProperty() {
        return stepMillis;
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
