package dev.kmslab.ui.finish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.model.DisableKeyRequest;
import dev.kmslab.engine.model.KeyState;
import dev.kmslab.engine.model.ScheduleKeyDeletionRequest;
import dev.kmslab.ui.AppDriver;
import dev.kmslab.ui.UiTests;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Keys table on a 1280×800 laptop: a key pending deletion reads "PendingDeletion" in full (it read
 * "PendingDelet…", bold, with nothing to hover), and the State column is wide enough for every state a key can be in.
 */
@ResourceLock(UiTests.JAVAFX)
class KeysStateColumnUiTest {

    @TempDir
    Path data;

    private final AppDriver app = new AppDriver();

    @BeforeEach
    void start() throws Exception {
        app.start(data);
        FinishFixture.resize(app, 1280, 800);
        app.openKeyLab();
    }

    @AfterEach
    void stop() throws Exception {
        app.stop();
    }

    @Test
    void stateNames_areNeverCut_andEveryCellCarriesItsFullTextOnHover() throws Exception {
        String gone = FinishFixture.createKey(app, "alias/leaving");
        String off = FinishFixture.createKey(app, "alias/off");
        FinishFixture.createKey(app, "alias/on");
        KmsEngine engine = app.app().keyLab().engine();
        CallerContext root = CallerContext.root(engine.account());
        engine.scheduleKeyDeletion(root, new ScheduleKeyDeletionRequest(gone, 7));
        engine.disableKey(root, new DisableKeyRequest(off));
        app.interact(() -> app.app().keyLab().changed());
        TableView<?> table = app.find("#keys-table");
        app.until(() -> cells(table).stream().anyMatch(c -> "PendingDeletion".equals(c.getText())));

        List<String> problems = new ArrayList<>();
        app.interact(() -> {
            for (TableCell<?, ?> cell : cells(table)) {
                if (cell.getText() == null || cell.getText().isEmpty()) {
                    continue;
                }
                if (cell.getTooltip() == null || !cell.getText().equals(cell.getTooltip().getText())) {
                    problems.add(cell.getTableColumn().getText() + " '" + cell.getText() + "' has no tooltip");
                }
                if (cell.getTableColumn().getText().equals("State") && FinishFixture.isCut(cell)) {
                    problems.add("State shows '" + FinishFixture.shownText(cell) + "'");
                }
            }
            // Every state a key can reach fits, in the cell's own font made bold and italic (the heaviest the
            // stylesheet draws a state), inside the cell's padding.
            TableCell<?, ?> sample = cells(table).stream()
                    .filter(c -> c.getTableColumn().getText().equals("State") && c.getText() != null)
                    .findFirst().orElseThrow();
            TableColumn<?, ?> state = sample.getTableColumn();
            double room = state.getWidth() - sample.snappedLeftInset() - sample.snappedRightInset();
            Text probe = new Text();
            probe.setFont(javafx.scene.text.Font.font(sample.getFont().getFamily(),
                    javafx.scene.text.FontWeight.BOLD, javafx.scene.text.FontPosture.ITALIC,
                    sample.getFont().getSize()));
            for (KeyState s : KeyState.values()) {
                probe.setText(s.name());
                if (probe.getLayoutBounds().getWidth() > room) {
                    problems.add(s.name() + " needs " + probe.getLayoutBounds().getWidth() + " px, has " + room);
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(problems).isEmpty();
    }

    private static List<TableCell<?, ?>> cells(TableView<?> table) {
        List<TableCell<?, ?>> out = new ArrayList<>();
        for (javafx.scene.Node n : table.lookupAll(".table-cell")) {
            if (n instanceof TableCell<?, ?> c && c.isVisible() && c.getTableRow() != null
                    && c.getTableRow().getItem() != null) {
                out.add(c);
            }
        }
        return out;
    }
}
