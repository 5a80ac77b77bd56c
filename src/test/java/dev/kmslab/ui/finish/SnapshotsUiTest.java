package dev.kmslab.ui.finish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.model.ListKeysRequest;
import dev.kmslab.ui.KeyLabUiFixture;
import dev.kmslab.ui.UiTests;
import java.nio.file.Files;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Key Lab's Snapshots menu, clicked as an instructor would: save the lab, change it, restore it, reset it; and at
 * 1024×640 the menu sits in the clock bar without hiding any Key Lab tab.
 */
@ResourceLock(UiTests.JAVAFX)
class SnapshotsUiTest extends KeyLabUiFixture {

    private List<String> aliasesAndKeys() {
        KmsEngine engine = app.app().keyLab().engine();
        return engine.listKeys(CallerContext.root(engine.account()), ListKeysRequest.firstPage()).keys().stream()
                .map(k -> k.keyId()).sorted().toList();
    }

    private void openMenu() {
        app.clickOn("#snapshots-menu");
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void saveChangeRestoreAndReset_fromTheMenu() throws Exception {
        String first = FinishFixture.createKey(app, "alias/before-demo");
        openMenu();
        app.clickOn("#snapshot-name").write("before demo");
        app.clickOn("#snapshot-save");
        Label status = app.find("#snapshot-status");
        app.until(() -> status.getText().startsWith("Saved snapshot 'before demo'"));
        assertThat(Files.exists(data.resolve("snapshots/before_demo/snapshot.json"))).isTrue();

        FinishFixture.createKey(app, "alias/during-demo");
        assertThat(aliasesAndKeys()).hasSize(2);

        MenuButton menu = app.find("#snapshots-menu");
        try {
            app.until(() -> menu.getItems().stream().anyMatch(i -> "snapshot-restore-before_demo".equals(i.getId())));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no restore item; status: " + app.onFx(status::getText) + "; folder: "
                    + java.util.Arrays.toString(data.resolve("snapshots").toFile().list()), e);
        }
        // The menu's items live in a popup; the item is fired as a click on it would.
        app.interact(() -> menu.getItems().stream().filter(i -> "snapshot-restore-before_demo".equals(i.getId()))
                .findFirst().orElseThrow().fire());
        app.clickOn("Restore");
        app.until(() -> status.getText().startsWith("Restored 'before demo'"));
        app.until(() -> app.app().keyLab().engine() != null);
        assertThat(aliasesAndKeys()).containsExactly(first);
        // The Audit log tab lists the restored trail: the calls made before the snapshot, not those made after it.
        app.clickOn("#keylab-tab-audit");
        app.waitFor("#audit-table");
        javafx.scene.control.TableView<dev.kmslab.engine.audit.AuditEvent> audit = app.find("#audit-table");
        app.until(() -> audit.getItems().stream().anyMatch(e -> e.eventName().equals("CreateAlias")
                && e.requestParameters().toString().contains("alias/before-demo")));
        assertThat(app.onFx(() -> audit.getItems().stream().map(e -> e.requestParameters().toString())
                .filter(p -> p.contains("alias/during-demo")).toList())).isEmpty();
        assertThat(app.onFx(() -> audit.getItems().stream().filter(e -> e.eventName().equals("CreateKey"))
                .count())).isEqualTo(1L);
        app.clickOn("#keylab-tab-keys");

        app.interact(() -> menu.getItems().stream().filter(i -> "snapshot-reset".equals(i.getId())).findFirst()
                .orElseThrow().fire());
        app.clickOn("Reset");
        app.until(() -> status.getText().startsWith("The lab was reset"));
        app.until(() -> app.app().keyLab().engine() != null);
        assertThat(aliasesAndKeys()).isEmpty();
    }

    @Test
    void at1024x640_theMenuFitsBesideTheClock_andEveryTabStaysVisible() throws Exception {
        FinishFixture.resize(app, 1024, 640);
        MenuButton menu = app.find("#snapshots-menu");
        app.interact(() -> menu.getScene().getRoot().applyCss());
        app.interact(() -> menu.getScene().getRoot().layout());
        assertThat(FinishFixture.isCut(menu)).isFalse();
        assertThat(FinishFixture.onScreen(menu).getMaxX()).isLessThanOrEqualTo(1024);
        for (String tab : List.of("keys", "rotation", "playground", "asymmetric", "policies", "grants", "keystores",
                "audit")) {
            javafx.scene.Node header = app.lookup("#keylab-tab-" + tab).query();
            assertThat(header.isVisible()).as(tab).isTrue();
            assertThat(FinishFixture.onScreen(header).getMaxX()).as(tab).isLessThanOrEqualTo(1024);
        }
    }
}
