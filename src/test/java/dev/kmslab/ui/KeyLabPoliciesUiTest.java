package dev.kmslab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.ui.keylab.actas.PrincipalChoice;
import dev.kmslab.ui.keylab.grants.GrantRow;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** The Key Lab's Act as bar, Policies and Grants tabs, driven like a learner would. */
@ResourceLock(UiTests.JAVAFX)
class KeyLabPoliciesUiTest extends KeyLabUiFixture {

    private String keyId;

    // After the fixture's start in the Key Lab: the Act as chooser lists its principals, and one key is selected.
    @BeforeEach
    void selectAKey() throws Exception {
        until(() -> ((ComboBox<?>) app.find("#act-as")).getItems().size() >= 5);
        KmsEngine engine = session().engine();
        keyId = engine.createKey(CallerContext.root(engine.account()), CreateKeyRequest.symmetric()).keyMetadata()
                .keyId();
        app.interact(() -> {
            session().selectedKeyIdProperty().set(keyId);
            session().changed();
        });
    }

    private String denyEncrypt(String account) {
        return "{\n"
                + "  \"Version\": \"2012-10-17\",\n"
                + "  \"Statement\": [ {\n"
                + "    \"Sid\": \"Admin\",\n"
                + "    \"Effect\": \"Allow\",\n"
                + "    \"Principal\": { \"AWS\": \"arn:aws:iam::" + account + ":root\" },\n"
                + "    \"Action\": \"kms:*\",\n"
                + "    \"Resource\": \"*\"\n"
                + "  }, {\n"
                + "    \"Sid\": \"NoEncrypt\",\n"
                + "    \"Effect\": \"Deny\",\n"
                + "    \"Principal\": { \"AWS\": \"*\" },\n"
                + "    \"Action\": \"kms:Encrypt\",\n"
                + "    \"Resource\": \"*\"\n"
                + "  } ]\n"
                + "}";
    }

    @Test
    void aSavedDenyPolicy_makesTheSimulatorAnswerDenied_withTheStatementMarked() throws Exception {
        tab("keylab-tab-policies", "#policies-view");
        org.fxmisc.richtext.CodeArea editor = app.find("#policy-editor");
        until(() -> editor.getText().contains("Enable IAM User Permissions"));
        app.interact(() -> editor.replaceText("{ \"Version\": \"2012-10-17\", \"Statement\": [ { \"Effect\": \"Maybe\" } ] }"));
        Label validity = app.find("#policy-validity");
        until(() -> validity.getText().startsWith("line 1, column "));
        assertThat(validity.getText()).endsWith("(Statement[0].Effect)");
        // The problem line is marked in the editor, and member names are coloured as JSON keys.
        assertThat(editor.getParagraph(0).getParagraphStyle()).contains("json-error-line");
        assertThat(editor.getStyleOfChar(editor.getText().indexOf("Version") + 1)).contains("json-key");

        app.interact(() -> editor.replaceText(denyEncrypt(session().engine().account())));
        until(() -> validity.getText().equals("Valid key policy: 2 statements."));
        app.clickOn("#policy-save");
        Label status = app.find("#policy-status");
        until(() -> status.getText().startsWith("Saved with PutKeyPolicy"));

        app.clickOn("#sim-run");
        Label verdict = app.find("#sim-verdict");
        until(() -> "Denied".equals(verdict.getText()));
        assertThat(verdict.getStyleClass()).contains("sim-denied");
        assertThat(((TextArea) app.find("#sim-explanation")).getText()).contains("NoEncrypt");
        assertThat(editor.getSelectedText()).contains("\"Sid\": \"NoEncrypt\"").contains("\"Effect\": \"Deny\"")
                .doesNotContain("\"Sid\": \"Admin\"");
    }

    @Test
    void actingAsTheKeyAdministrator_encryptingIsAccessDenied() throws Exception {
        ComboBox<PrincipalChoice> actAs = app.find("#act-as");
        app.interact(() -> actAs.setValue(actAs.getItems().stream()
                .filter(c -> c.label().equals("role/KeyAdmin")).findFirst().orElseThrow()));
        until(() -> session().caller().principalArn().endsWith(":role/KeyAdmin"));
        tab("keylab-tab-playground", "#playground-view");
        until(() -> keyId.equals(session().selectedKeyIdProperty().get()));
        app.clickOn("#pg-encrypt");
        until(() -> error("#pg-error").startsWith("AccessDeniedException"));
        assertThat(error("#pg-error")).contains("role/KeyAdmin is not authorized to perform: kms:Encrypt");
    }

    @Test
    void aNewGrant_isListed_withItsToken() throws Exception {
        tab("keylab-tab-grants", "#grants-view");
        ComboBox<String> grantee = app.find("#grant-grantee");
        app.interact(() -> grantee.getEditor().setText("arn:aws:iam::" + session().engine().account()
                + ":role/App"));
        app.scrollIntoView("#grant-op-Decrypt");
        app.clickOn("#grant-op-Decrypt");
        app.scrollIntoView("#grant-create");
        app.clickOn("#grant-create");
        TableView<GrantRow> table = app.find("#grants-table");
        until(() -> table.getItems().size() == 1);
        assertThat(table.getItems().get(0).operationsText()).isEqualTo("Decrypt");
        assertThat(table.getItems().get(0).grantee()).endsWith(":role/App");
        assertThat(((TextField) app.find("#grant-created-token")).getText()).isNotEmpty();
        assertThat(((TextField) app.find("#grant-created-id")).getText())
                .isEqualTo(table.getItems().get(0).grantId());
    }
}
