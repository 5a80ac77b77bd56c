package dev.kmslab.ui.markdown;

import javafx.scene.Node;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.text.TextFlow;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;

/** A GFM table as a grid whose columns share the width and whose cells wrap. */
final class TableRenderer {

    private final InlineRenderer inlines;

    TableRenderer(InlineRenderer inlines) {
        this.inlines = inlines;
    }

    Node render(TableBlock table) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("md-table");
        int row = 0;
        int columns = 0;
        for (org.commonmark.node.Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            boolean head = section instanceof TableHead;
            for (org.commonmark.node.Node r = section.getFirstChild(); r != null; r = r.getNext()) {
                if (!(r instanceof TableRow)) {
                    continue;
                }
                int col = 0;
                for (org.commonmark.node.Node c = r.getFirstChild(); c != null; c = c.getNext()) {
                    if (c instanceof TableCell cell) {
                        TextFlow flow = inlines.flow(cell, head ? "md-th" : "md-td");
                        if (!head && row % 2 == 0) {
                            flow.getStyleClass().add("md-td-alt");
                        }
                        flow.setMaxWidth(Double.MAX_VALUE);
                        flow.setMaxHeight(Double.MAX_VALUE);
                        grid.add(flow, col++, row);
                    }
                }
                columns = Math.max(columns, col);
                row++;
            }
        }
        for (int i = 0; i < columns; i++) {
            ColumnConstraints constraints = new ColumnConstraints();
            constraints.setHgrow(Priority.ALWAYS);
            constraints.setPercentWidth(100.0 / columns);
            grid.getColumnConstraints().add(constraints);
        }
        return grid;
    }
}
