package dev.kmslab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.audit.AuditEvent;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.ui.keylab.audit.AuditViewModel;
import javafx.scene.Node;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The Audit log tab's record details name the caller as CloudTrail's {@code userIdentity} does, with the access key id
 * that signed the request on screen (not only in the JSON file and the export); a call made in the app says no key
 * signed it.
 */
@ResourceLock(UiTests.JAVAFX)
class AuditCallerUiTest extends KeyLabUiFixture {

    @Test
    void selectingASignedCall_showsItsCallersTypeArnAccountAndAccessKeyId_andAnAppCallSaysNoKeySignedIt()
            throws Exception {
        KmsEngine engine = session().engine();
        String account = engine.account();
        String signed = engine.createKey(CallerContext.root(account).withAccessKeyId("AKIAIOSFODNN7EXAMPLE"),
                new CreateKeyRequest("signed", null, null, null, null)).keyMetadata().arn();
        String inApp = engine.createKey(CallerContext.root(account),
                new CreateKeyRequest("in the app", null, null, null, null)).keyMetadata().arn();
        tab("keylab-tab-audit", "#audit-view");
        TableView<AuditEvent> table = app.find("#audit-table");
        until(() -> table.getItems().stream().filter(e -> e.eventName().equals("CreateKey")).count() == 2);
        assertThat(app.find("#audit-caller").isVisible()).as("caller shown before a selection").isFalse();

        clickRow(table, signed);
        until(() -> app.find("#audit-caller").isVisible());
        assertThat(text("#audit-identity-type")).isEqualTo("Root");
        assertThat(text("#audit-identity-arn")).isEqualTo("arn:aws:iam::" + account + ":root");
        assertThat(text("#audit-identity-accountId")).isEqualTo(account);
        assertThat(text("#audit-identity-accessKeyId")).isEqualTo("AKIAIOSFODNN7EXAMPLE");
        assertThat(app.find("#audit-identity-accessKeyId").isVisible()).isTrue();
        assertThat(text("#audit-json")).contains("\"accessKeyId\" : \"AKIAIOSFODNN7EXAMPLE\"");
        // The caller block above and the explanation below never squeeze the record to its first lines: at least
        // eight lines of it show (the details scroll instead).
        javafx.scene.control.TextArea json = app.find("#audit-json");
        assertThat(app.onFx(() -> json.getHeight() / (json.getFont().getSize() * 1.2))).as("lines of the record")
                .isGreaterThanOrEqualTo(8);

        clickRow(table, inApp);
        until(() -> !text("#audit-identity-accessKeyId").equals("AKIAIOSFODNN7EXAMPLE"));
        assertThat(text("#audit-identity-accessKeyId")).isEqualTo(AuditViewModel.NO_ACCESS_KEY);
        assertThat(text("#audit-identity-arn")).isEqualTo("arn:aws:iam::" + account + ":root");
        assertThat(text("#audit-json")).doesNotContain("accessKeyId");
    }

    /** Clicks the table row of the CreateKey event of {@code keyArn}, scrolled into view first. */
    private void clickRow(TableView<AuditEvent> table, String keyArn) throws Exception {
        AuditEvent event = app.onFx(() -> table.getItems().stream()
                .filter(e -> e.eventName().equals("CreateKey") && keyArn.equals(e.keyArn())).findFirst()
                .orElseThrow());
        app.interact(() -> table.scrollTo(event));
        app.until(() -> row(table, event) != null);
        app.clickOn(app.onFx(() -> row(table, event)));
        app.until(() -> table.getSelectionModel().getSelectedItem() == event);
    }

    private static Node row(TableView<AuditEvent> table, AuditEvent event) {
        return table.lookupAll(".table-row-cell").stream()
                .filter(n -> ((TableRow<?>) n).getItem() == event && n.isVisible()).findFirst().orElse(null);
    }
}
