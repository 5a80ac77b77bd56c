package dev.kmslab.ui.keylab.playground;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.audit.AuditEvent;
import dev.kmslab.engine.audit.AuditQuery;
import dev.kmslab.ui.UiTests;
import dev.kmslab.ui.keylab.LabFixture;
import dev.kmslab.ui.keylab.actas.ActAsViewModel;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

@ResourceLock(UiTests.JAVAFX)
class WouldItBeAllowedViewModelTest {

    private final LabFixture lab = new LabFixture();
    private final String account = lab.engine.account();
    private final String orders = lab.key("alias/orders");
    private final ActAsViewModel actAs = new ActAsViewModel(lab.session);
    private final PlaygroundViewModel pg = new PlaygroundViewModel(lab.session);
    private final WouldItBeAllowedViewModel dryRun = new WouldItBeAllowedViewModel(lab.session, pg);

    @Test
    void theAppRole_mayEncrypt_andNothingIsEncrypted() {
        actAs.actAs("arn:aws:iam::" + account + ":role/App");
        pg.keyIdProperty().set(orders);

        dryRun.ask();

        assertThat(dryRun.verdictProperty().get()).isEqualTo(WouldItBeAllowedViewModel.Verdict.ALLOWED);
        assertThat(dryRun.answerProperty().get()).startsWith("Yes: arn:aws:iam::" + account
                + ":role/App may call Encrypt with " + orders);
        assertThat(pg.ciphertextProperty().get()).isNull();
        AuditEvent last = lastEncrypt();
        assertThat(last.principalArn()).isEqualTo("arn:aws:iam::" + account + ":role/App");
        assertThat(last.errorCode()).isEqualTo("DryRunOperationException");
        assertThat(last.requestParameters()).containsEntry("dryRun", true);
    }

    @Test
    void theKeyAdministrator_mayNotEncrypt_andTheReasonIsTheRealError() {
        actAs.actAs("arn:aws:iam::" + account + ":role/KeyAdmin");
        pg.keyIdProperty().set(orders);

        dryRun.ask();

        assertThat(dryRun.verdictProperty().get()).isEqualTo(WouldItBeAllowedViewModel.Verdict.DENIED);
        assertThat(dryRun.answerProperty().get()).isEqualTo("No: Encrypt as arn:aws:iam::" + account
                + ":role/KeyAdmin would fail with AccessDeniedException.");
        assertThat(dryRun.reasonProperty().get().message()).contains("is not authorized to perform: kms:Encrypt");
    }

    @Test
    void decryptWithoutACiphertext_saysSo_andChoosingAnotherCallClearsTheAnswer() {
        dryRun.checkProperty().set(WouldItBeAllowedViewModel.Check.DECRYPT);
        dryRun.ask();
        assertThat(dryRun.answerProperty().get()).isEqualTo("Decrypt needs a ciphertext: encrypt something first.");

        pg.keyIdProperty().set(orders);
        pg.encrypt();
        dryRun.ask();
        assertThat(dryRun.verdictProperty().get()).isEqualTo(WouldItBeAllowedViewModel.Verdict.ALLOWED);

        dryRun.checkProperty().set(WouldItBeAllowedViewModel.Check.GENERATE_DATA_KEY);
        assertThat(dryRun.verdictProperty().get()).isNull();
        assertThat(dryRun.answerProperty().get()).isEmpty();
    }

    private AuditEvent lastEncrypt() {
        List<AuditEvent> all = lab.engine.auditLog().query(AuditQuery.all().forEvent("Encrypt"));
        return all.get(all.size() - 1);
    }
}
