package dev.kmslab.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.ui.UiTests;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Spinner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.testfx.api.FxToolkit;

/** Typed text cannot break an editable number field (the long random UI walk typed an alias into one). */
@ResourceLock(UiTests.JAVAFX)
class NumberSpinnersTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void lettersAreNotTaken_andTheValueStays() throws Exception {
        Spinner<Integer> spinner = spinner(7, 3650, 365);
        FxToolkit.setupFixture(() -> {
            spinner.getEditor().selectAll();
            spinner.getEditor().replaceSelection("alias/orders");
            spinner.commitValue();
        });
        assertThat(spinner.getEditor().getText()).isEqualTo("365");
        assertThat(spinner.getValue()).isEqualTo(365);
    }

    @Test
    void anEmptiedField_commitsTheLastValue_andShowsItAgainWhenFocusLeaves() throws Exception {
        Spinner<Integer> spinner = spinner(7, 3650, 365);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        FxToolkit.setupFixture(() -> {
            try {
                spinner.getEditor().setText("");
                spinner.commitValue();
            } catch (RuntimeException e) {
                thrown.set(e);
            }
        });
        assertThat(thrown.get()).isNull();
        assertThat(spinner.getValue()).isEqualTo(365);
    }

    @Test
    void aNumberOutOfRange_isClampedToTheRange() throws Exception {
        Spinner<Integer> spinner = spinner(7, 3650, 365);
        FxToolkit.setupFixture(() -> {
            spinner.getEditor().setText("99999");
            spinner.commitValue();
        });
        assertThat(spinner.getValue()).isEqualTo(3650);
        FxToolkit.setupFixture(() -> {
            spinner.getEditor().setText("90");
            spinner.commitValue();
        });
        assertThat(spinner.getValue()).isEqualTo(90);
    }

    private static Spinner<Integer> spinner(int min, int max, int initial) throws Exception {
        AtomicReference<Spinner<Integer>> made = new AtomicReference<>();
        FxToolkit.setupFixture(() -> {
            Spinner<Integer> spinner = new Spinner<>(min, max, initial);
            NumberSpinners.editable(spinner);
            made.set(spinner);
        });
        return made.get();
    }
}
