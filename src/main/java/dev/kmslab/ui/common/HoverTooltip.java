package dev.kmslab.ui.common;

import javafx.event.EventHandler;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * A tooltip created when the pointer first enters its control. The first {@link Tooltip} costs a popup window, its
 * behaviour and timers, which the first screen (sidebar, header, exam badges) should not pay for before it is drawn.
 * The tooltip then shows exactly as one set up front: it starts its delay on the next mouse move.
 */
public final class HoverTooltip {

    private HoverTooltip() {
    }

    public static void install(Control control, String text) {
        // Screen readers read a control's tooltip as its help text; keep that available before any hover.
        control.setAccessibleHelp(text);
        control.addEventHandler(MouseEvent.MOUSE_ENTERED, new EventHandler<>() {
            @Override
            public void handle(MouseEvent event) {
                control.removeEventHandler(MouseEvent.MOUSE_ENTERED, this);
                if (control.getTooltip() == null) {
                    control.setTooltip(new Tooltip(text));
                }
            }
        });
    }
}
