package dev.kmslab.ui.common;

import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.util.Callback;

/**
 * A table cell for text that may be wider than its column (a key id, a long alias, an ARN): when the column cuts it
 * with an ellipsis, the whole text is a hover away, and a screen reader reads it whole.
 */
public final class FullTextCell<S> extends TableCell<S, String> {

    private final Tooltip tip = new Tooltip();

    /** A cell factory for a column of such cells. */
    public static <S> Callback<TableColumn<S, String>, TableCell<S, String>> factory() {
        return column -> new FullTextCell<>();
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setText(null);
            setTooltip(null);
            setAccessibleText(null);
            return;
        }
        setText(item);
        tip.setText(item);
        setTooltip(tip);
        setAccessibleText(item);
    }
}
