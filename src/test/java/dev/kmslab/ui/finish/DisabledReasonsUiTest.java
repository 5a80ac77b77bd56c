package dev.kmslab.ui.finish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.ui.AppDriver;
import dev.kmslab.ui.UiTests;
import dev.kmslab.ui.keylab.keys.KeyRow;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/** Disabled buttons say why, and icon-only buttons have text for screen readers. */
@ResourceLock(UiTests.JAVAFX)
class DisabledReasonsUiTest {

    @TempDir
    Path data;

    private final AppDriver app = new AppDriver();

    @BeforeEach
    void start() throws Exception {
        app.start(data);
    }

    @AfterEach
    void stop() throws Exception {
        app.stop();
    }

    // The reason a disabled button gives: its accessible help, and a tooltip on the holder around it (a disabled
    // button gets no mouse events, so a tooltip on the button itself would never show).
    private String reason(String id) {
        Button button = app.find(id);
        assertThat(button.isDisabled()).as(id + " disabled").isTrue();
        Node holder = button.getParent();
        Object tip = holder.getProperties().get("javafx.scene.control.Tooltip");
        assertThat(holder).isInstanceOf(StackPane.class);
        assertThat(tip).as(id + " tooltip on its holder").isInstanceOf(Tooltip.class);
        assertThat(((Tooltip) tip).getText()).isEqualTo(button.getAccessibleHelp());
        return button.getAccessibleHelp();
    }

    @Test
    void disabledKeyLabButtons_sayWhy() throws Exception {
        app.openKeyLab();
        assertThat(reason("#clock-next-event")).contains("Nothing is scheduled");
        assertThat(reason("#clock-real-time")).contains("already follows real time");
        String id = FinishFixture.createKey(app, "alias/orders");
        app.interact(() -> app.app().keyLab().selectedKeyIdProperty().set(id));
        TableView<KeyRow> table = app.find("#keys-table");
        app.until(() -> table.getItems().size() == 1);
        app.waitFor("#key-enable");
        assertThat(reason("#key-enable")).isEqualTo("This key is Enabled. Only a Disabled key can be enabled.");
        assertThat(reason("#key-cancel-deletion")).contains("Only a key pending deletion");
        app.clickOn("#keylab-tab-playground");
        app.waitFor("#pg-decrypt");
        assertThat(reason("#pg-decrypt")).contains("Encrypt something first");
        app.clickOn("#keylab-tab-keystores");
        app.waitFor("#cks-connect");
        assertThat(reason("#cks-connect")).isEqualTo("Select a key store in the list first.");
    }

    @Test
    void iconOnlyButtons_carryAccessibleText() throws Exception {
        app.navigate("flows", "#flows-catalogue");
        app.clickOn("#flow-card-envelope-encryption");
        app.waitFor("#flow-steps .list-cell");
        for (String id : new String[] {"#flow-start", "#flow-prev", "#flow-next", "#flow-end"}) {
            assertThat(app.<Button>find(id).getAccessibleText()).as(id).isNotBlank();
        }
        app.navigate("overview", "#concept-cards");
        Button card = (Button) app.lookup("#concept-cards .concept-card").query();
        assertThat(card.getAccessibleText()).isNotBlank();
    }
}
