package dev.kmslab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.audit.AuditEvent;
import dev.kmslab.engine.model.CreateAliasRequest;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyUsage;
import dev.kmslab.engine.model.OriginType;
import dev.kmslab.ui.keylab.asymmetric.AsymKey;
import java.util.function.BooleanSupplier;
import javafx.scene.control.ComboBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** The "Asymmetric &amp; HMAC" tab and the import wizard, clicked through as a learner would, read off the screen. */
@ResourceLock(UiTests.JAVAFX)
class KeyLabAsymmetricUiTest extends KeyLabUiFixture {

    // This class has always waited up to 20 s for an engine answer, not the driver's 15.
    @Override
    protected void until(BooleanSupplier condition) throws Exception {
        AppDriver.until(20, condition);
    }

    private void openTab() throws Exception {
        app.clickOn("#keylab-tab-asymmetric");
        app.waitFor("#asym-view");
    }

    @Test
    void signVerifyTamper_andVerifyOffline() throws Exception {
        KmsEngine engine = app.app().keyLab().engine();
        String id = engine.createKey(dev.kmslab.engine.CallerContext.root(engine.account()), new CreateKeyRequest(
                null, KeyUsage.SIGN_VERIFY, KeySpec.ECC_NIST_P256, null, null)).keyMetadata().keyId();
        engine.createAlias(dev.kmslab.engine.CallerContext.root(engine.account()),
                new CreateAliasRequest("alias/signer", id));
        app.interact(() -> app.app().keyLab().changed());
        openTab();
        ComboBox<AsymKey> picker = app.find("#asym-key");
        until(() -> picker.getValue() != null);
        assertThat(picker.getValue().label()).isEqualTo("alias/signer · ECC_NIST_P256 · SIGN_VERIFY");
        assertThat(app.lookup("#asym-mac").query().isVisible()).isFalse();
        assertThat(text("#sv-limit")).startsWith("RAW: 20 of at most 4096 bytes");

        click("#sv-sign");
        until(() -> !text("#sv-signature").isEmpty());
        assertThat(text("#sv-status")).startsWith("Signed with ECDSA_SHA_256");
        click("#sv-verify");
        until(() -> text("#sv-verdict").equals("Valid (KMS Verify)"));
        click("#sv-verify-offline");
        until(() -> text("#sv-verdict").equals("Valid (offline)"));

        click("#sv-tamper-message");
        assertThat(text("#sv-message")).isEqualTo("Qay 100 EUR to Alice");
        click("#sv-verify");
        until(() -> error("#sv-error").startsWith("KMSInvalidSignatureException"));
        assertThat(text("#sv-verdict")).isEqualTo("Invalid (KMS Verify)");
        click("#sv-verify-offline");
        until(() -> text("#sv-verdict").equals("Invalid (offline)"));

        click("#pk-get");
        until(() -> text("#pk-pem").startsWith("-----BEGIN PUBLIC KEY-----"));
        assertThat(text("#pk-details")).isEqualTo("KeySpec ECC_NIST_P256 · KeyUsage SIGN_VERIFY · ECDSA_SHA_256");

        assertThat(engine.auditLog().all()).filteredOn(AuditEvent::isError).extracting(AuditEvent::errorCode)
                .containsExactly("KMSInvalidSignatureException");
    }

    @Test
    void importWizard_createsImportsTestsAndDeletes_showingAnExpiredToken() throws Exception {
        openTab();
        click("#asym-import");
        app.waitFor("#import-wizard");
        app.clickOn("#wizard-create-key");
        until(() -> text("#wizard-key-state").equals("PendingImport"));

        app.clickOn("#wizard-get-parameters");
        until(() -> text("#wizard-token-expiry").startsWith("Token and wrapping key valid until"));
        assertThat(text("#wizard-wrapping-key")).startsWith("-----BEGIN PUBLIC KEY-----");
        app.clickOn("#wizard-next");
        app.clickOn("#wizard-generate");
        assertThat(text("#wizard-material")).matches("[0-9a-f]{64}");
        app.clickOn("#wizard-wrap");
        until(() -> !text("#wizard-wrapped").isEmpty());
        app.clickOn("#wizard-next");

        app.clickOn("#wizard-advance-clock");
        until(() -> text("#wizard-status").contains("import token has expired"));
        app.clickOn("#wizard-import");
        until(() -> error("#wizard-error").startsWith("ExpiredImportTokenException"));
        assertThat(text("#wizard-key-state")).isEqualTo("PendingImport");

        app.clickOn("#wizard-back");
        app.clickOn("#wizard-back");
        app.clickOn("#wizard-get-parameters");
        until(() -> text("#wizard-status").startsWith("GetParametersForImport"));
        app.clickOn("#wizard-next");
        app.clickOn("#wizard-wrap");
        until(() -> !text("#wizard-wrapped").isEmpty());
        app.clickOn("#wizard-next");
        app.clickOn("#wizard-import");
        until(() -> text("#wizard-key-state").startsWith("Enabled, material expires"));
        assertThat(error("#wizard-error")).isEmpty();

        app.clickOn("#wizard-next");
        app.clickOn("#wizard-test");
        until(() -> text("#wizard-test-result").equals("Encrypt → Decrypt gave back: imported key says hello"));
        app.clickOn("#wizard-delete-material");
        app.waitFor("#confirm-ok");
        app.clickOn("#confirm-ok");
        until(() -> text("#wizard-key-state").equals("PendingImport"));
    }

    @Test
    void anExternalKeysDetails_openTheWizardOnThatKey() throws Exception {
        KmsEngine engine = app.app().keyLab().engine();
        String id = engine.createKey(dev.kmslab.engine.CallerContext.root(engine.account()), new CreateKeyRequest(
                "byok", KeyUsage.ENCRYPT_DECRYPT, KeySpec.SYMMETRIC_DEFAULT, OriginType.EXTERNAL, null))
                .keyMetadata().keyId();
        app.interact(() -> {
            app.app().keyLab().selectedKeyIdProperty().set(id);
            app.app().keyLab().changed();
        });
        click("#key-import-wizard");
        app.waitFor("#import-wizard");
        ComboBox<String> key = app.find("#wizard-key");
        until(() -> id.equals(key.getValue()) && text("#wizard-key-state").equals("PendingImport"));
        app.clickOn("#wizard-close");
        until(() -> app.lookup("#import-wizard").tryQuery().isEmpty());
    }
}
