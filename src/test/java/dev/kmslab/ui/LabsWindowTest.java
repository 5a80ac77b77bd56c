package dev.kmslab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.model.ListAliasesRequest;
import dev.kmslab.ui.keylab.common.KeyLabSession;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A learner follows the least-privilege lab: opens it, works on its sandbox in the Key Lab's policy editor, checks,
 * reads why a check failed, fixes the policy, and passes — while their own Key Lab keys stay untouched.
 */
class LabsWindowTest {

    private static final String LAB = "least-privilege-key-policy";

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

    private KeyLabSession session() {
        return app.app().keyLab();
    }

    private String policy(String adminActions, String account) {
        return "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n"
                + "    {\"Sid\": \"Enable IAM User Permissions\", \"Effect\": \"Allow\", \"Principal\": {\"AWS\": "
                + "\"arn:aws:iam::" + account + ":root\"}, \"Action\": \"kms:*\", \"Resource\": \"*\"},\n"
                + "    {\"Sid\": \"Key administrators\", \"Effect\": \"Allow\", \"Principal\": {\"AWS\": "
                + "\"arn:aws:iam::" + account + ":role/KeyAdmin\"}, \"Action\": " + adminActions
                + ", \"Resource\": \"*\"},\n"
                + "    {\"Sid\": \"Orders application\", \"Effect\": \"Allow\", \"Principal\": {\"AWS\": "
                + "\"arn:aws:iam::" + account + ":role/OrdersApp\"}, \"Action\": [\"kms:Encrypt\", \"kms:Decrypt\", "
                + "\"kms:ReEncrypt*\", \"kms:GenerateDataKey*\", \"kms:DescribeKey\"], \"Resource\": \"*\"}\n"
                + "  ]\n}";
    }

    private void writeAndSavePolicy(String text) throws Exception {
        app.clickOn("#keylab-tab-policies");
        app.waitFor("#policies-view");
        org.fxmisc.richtext.CodeArea editor = app.find("#policy-editor");
        app.until(() -> editor.getText().contains("role/OrdersApp"));
        app.clickOn(editor);
        app.interact(() -> editor.replaceText(text));
        Label validity = app.find("#policy-validity");
        app.until(() -> validity.getText().startsWith("Valid key policy"));
        app.clickOn("#policy-save");
        Label status = app.find("#policy-status");
        app.until(() -> status.getText().startsWith("Saved with PutKeyPolicy"));
    }

    private void checkMyWork() throws Exception {
        app.clickOn("#nav-labs");
        app.waitFor("#lab-check");
        Label status = app.find("#lab-status");
        app.scrollIntoView("#lab-check");
        app.clickOn("#lab-check");
        app.until(() -> status.getText().contains("checks passed") || status.getText().startsWith("Every check"));
    }

    private boolean passed(String checkId) {
        Node row = app.find("#lab-check-" + checkId);
        return row.getStyleClass().contains("passed");
    }

    private String reason(String checkId) {
        return ((Label) app.find("#lab-check-reason-" + checkId)).getText();
    }

    @Test
    void followTheLeastPrivilegeLab_failThenFixThenPass() throws Exception {
        app.openKeyLab(); // the learner's own lab is open first, with its own engine
        String ownAccount = session().engine().account();
        app.navigate("labs", "#labs-view");
        ListView<dev.kmslab.ui.labs.LabsViewModel.LabRow> list = app.find("#labs-list");
        app.until(() -> list.getItems().size() >= 20);
        // The list only builds the rows in view: scroll to the lab, as a learner would.
        app.interact(() -> list.scrollTo(list.getItems().stream().filter(r -> r.id().equals(LAB)).findFirst()
                .orElseThrow()));
        app.until(() -> app.lookup("#lab-row-" + LAB).tryQuery().isPresent());
        app.clickOn("#lab-row-" + LAB);
        Label status = app.find("#lab-status");
        app.until(() -> status.getText().startsWith("The sandbox is ready"));
        assertThat(((Label) app.find("#lab-title")).getText()).contains("Least privilege");

        app.scrollIntoView("#lab-hint-1");
        app.clickOn("#lab-hint-1");
        app.until(() -> ((Label) app.find("#lab-hints-used")).getText().startsWith("Hints used: 1 of"));

        app.scrollIntoView("#lab-open-keylab");
        app.clickOn("#lab-open-keylab");
        app.waitFor("#keys-view");
        app.until(() -> session().inSandbox() && app.find("#keylab-sandbox-banner").isVisible());
        assertThat(((Label) app.find("#keylab-sandbox-label")).getText()).startsWith("Lab sandbox: Least privilege");

        // First attempt: the application is fixed, but the administrators still have every action.
        writeAndSavePolicy(policy("\"kms:*\"", ownAccount));
        checkMyWork();
        assertThat(passed("app-no-delete")).isTrue();
        assertThat(passed("admin-no-decrypt")).isFalse();
        assertThat(reason("admin-no-decrypt")).contains("role/KeyAdmin → kms:Decrypt is allowed but should be denied")
                .contains("key policy statement \"Key administrators\"");

        // The fix: only management actions for the administrators.
        app.clickOn("#nav-keylab");
        app.waitFor("#keylab-sandbox-banner");
        writeAndSavePolicy(policy("[\"kms:Create*\", \"kms:Describe*\", \"kms:Enable*\", \"kms:List*\", "
                + "\"kms:Put*\", \"kms:Update*\", \"kms:Revoke*\", \"kms:Disable*\", \"kms:Get*\", \"kms:Delete*\", "
                + "\"kms:TagResource\", \"kms:UntagResource\", \"kms:ScheduleKeyDeletion\", "
                + "\"kms:CancelKeyDeletion\"]", ownAccount));
        checkMyWork();
        assertThat(status.getText()).isEqualTo("Every check passed — lab complete.");
        assertThat(passed("admin-no-decrypt")).isTrue();
        assertThat(new dev.kmslab.study.labs.LabProgress(data, java.time.Clock.systemUTC()).passed(LAB)).isTrue();

        // Back to the learner's own lab: the lab's key is not there.
        app.clickOn("#nav-keylab");
        app.clickOn("#keylab-sandbox-back");
        app.until(() -> !session().inSandbox());
        assertThat(app.find("#keylab-sandbox-banner").isVisible()).isFalse();
        assertThat(session().engine().listAliases(CallerContext.root(ownAccount), ListAliasesRequest.all())
                .aliases()).noneMatch(a -> a.aliasName().equals("alias/orders"));
    }
}
