package dev.kmslab.ui.common;

import javafx.scene.control.Spinner;
import javafx.scene.control.TextFormatter;
import javafx.util.StringConverter;

/**
 * Makes an integer spinner editable without letting typed text break it. JavaFX's default converter throws
 * {@link NumberFormatException} from the focus-lost commit when the field holds anything but a number (the long
 * random UI walk typed an alias into one), and an emptied field commits {@code null}. Here the field accepts digits
 * only (and a leading minus where the range allows it), and text that still is no number in range puts the last
 * value back.
 */
public final class NumberSpinners {

    private NumberSpinners() {
    }

    public static void editable(Spinner<Integer> spinner) {
        var factory = (javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory) spinner.getValueFactory();
        boolean negatives = factory.getMin() < 0;
        factory.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer value) {
                return value == null ? "" : value.toString();
            }

            @Override
            public Integer fromString(String text) {
                try {
                    int value = Integer.parseInt(text.strip());
                    return Math.max(factory.getMin(), Math.min(factory.getMax(), value));
                } catch (NumberFormatException | NullPointerException e) {
                    return factory.getValue();
                }
            }
        });
        spinner.getEditor().setTextFormatter(new TextFormatter<>(change ->
                change.getControlNewText().matches(negatives ? "-?\\d{0,10}" : "\\d{0,10}") ? change : null));
        spinner.setEditable(true);
        // A commit that kept the value leaves the typed text in the field; show the value again when focus leaves.
        spinner.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                spinner.getEditor().setText(factory.getConverter().toString(factory.getValue()));
            }
        });
    }
}
