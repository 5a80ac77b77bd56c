package dev.kmslab.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.ui.UiTests;
import javafx.event.Event;
import javafx.scene.control.Button;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.testfx.api.FxToolkit;

@ResourceLock(UiTests.JAVAFX)
class HoverTooltipTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void tooltipIsCreatedOnFirstHover_andHelpTextIsThereBefore() throws Exception {
        Button button = new Button("Search");
        FxToolkit.setupFixture(() -> HoverTooltip.install(button, "Search everything (Ctrl+F)"));
        assertThat(button.getTooltip()).isNull();
        assertThat(button.getAccessibleHelp()).isEqualTo("Search everything (Ctrl+F)");

        FxToolkit.setupFixture(() -> Event.fireEvent(button, entered(button)));

        assertThat(button.getTooltip()).isNotNull();
        assertThat(button.getTooltip().getText()).isEqualTo("Search everything (Ctrl+F)");
    }

    @Test
    void laterHoversKeepTheSameTooltip() throws Exception {
        Button button = new Button("Dismiss");
        FxToolkit.setupFixture(() -> HoverTooltip.install(button, "Dismiss"));
        FxToolkit.setupFixture(() -> Event.fireEvent(button, entered(button)));
        var first = button.getTooltip();

        FxToolkit.setupFixture(() -> Event.fireEvent(button, entered(button)));

        assertThat(button.getTooltip()).isSameAs(first);
    }

    private static MouseEvent entered(Button target) {
        return new MouseEvent(MouseEvent.MOUSE_ENTERED, 1, 1, 1, 1, MouseButton.NONE, 0, false, false, false, false,
                false, false, false, false, false, false, null);
    }
}
