package dev.kmslab.ui.common;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Pane;
import javafx.scene.text.Font;

/**
 * Table columns whose widths follow the zoom: widths are given in pixels at the default 14 px type, as
 * {@code TableColumn} takes no CSS width, and are scaled by the type the table's view is drawn in, so a column that
 * shows "111122223333:root" whole at 100% still does at 150%.
 */
public final class EmColumns {

    /** The app's type size at 100% zoom, which the pixel widths in the code were chosen for. */
    static final double BASE_PX = 14;

    private EmColumns() {
    }

    /**
     * Scales the current preferred and minimum widths of {@code table}'s columns now and whenever the type of
     * {@code host} (the pane holding the table) changes. A hidden, unmanaged label in {@code host} reads that type.
     */
    public static void follow(Pane host, TableView<?> table) {
        Map<TableColumn<?, ?>, double[]> base = new LinkedHashMap<>();
        for (TableColumn<?, ?> c : table.getColumns()) {
            base.put(c, new double[] {c.getPrefWidth(), c.getMinWidth()});
        }
        Label probe = new Label();
        probe.setManaged(false);
        probe.setVisible(false);
        host.getChildren().add(probe);
        probe.fontProperty().addListener((o, was, now) -> scale(base, now));
        scale(base, probe.getFont());
    }

    private static void scale(Map<TableColumn<?, ?>, double[]> base, Font font) {
        double factor = font == null ? 1 : Math.max(1, font.getSize() / BASE_PX);
        base.forEach((column, widths) -> {
            column.setMinWidth(widths[1] * factor);
            column.setPrefWidth(widths[0] * factor);
        });
    }
}
