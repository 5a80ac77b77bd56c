package dev.kmslab.ui.common;

import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;

/**
 * Says why a button is disabled. A disabled control receives no mouse events, so a tooltip on the button itself
 * never shows while it is disabled; the button is wrapped in a holder that shows the reason instead, and the reason
 * is the button's accessible help for screen readers.
 */
public final class WhyDisabled {

    private WhyDisabled() {
    }

    /** Wraps {@code button}; put the returned holder in the layout where the button would go. */
    public static StackPane wrap(Button button, ObservableValue<String> reason) {
        StackPane holder = new StackPane(button);
        holder.getStyleClass().add("why-disabled");
        holder.setMinWidth(StackPane.USE_PREF_SIZE);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(reason);
        String help = button.getAccessibleHelp();
        Runnable sync = () -> {
            String why = reason.getValue();
            if (button.isDisabled() && why != null && !why.isBlank()) {
                Tooltip.install(holder, tip);
                button.setAccessibleHelp(why);
            } else {
                Tooltip.uninstall(holder, tip);
                button.setAccessibleHelp(help);
            }
        };
        button.disabledProperty().addListener((obs, was, now) -> sync.run());
        reason.addListener((obs, was, now) -> sync.run());
        sync.run();
        return holder;
    }

    /** Wraps {@code button} with a reason that does not change. */
    public static StackPane wrap(Button button, String reason) {
        return wrap(button, new javafx.beans.property.ReadOnlyStringWrapper(reason));
    }

    /** The reason the holder around this button shows now, or "" when the button is enabled (tests, tours). */
    public static String reasonFor(Node button) {
        return button.isDisabled() && button.getAccessibleHelp() != null ? button.getAccessibleHelp() : "";
    }
}
