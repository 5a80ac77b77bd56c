package dev.kmslab.ui.keylab.importing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.model.AlgorithmSpec;
import dev.kmslab.engine.model.DescribeKeyRequest;
import dev.kmslab.engine.model.ExpirationModelType;
import dev.kmslab.engine.model.KeyState;
import dev.kmslab.engine.model.WrappingKeySpec;
import dev.kmslab.ui.UiTests;
import dev.kmslab.ui.keylab.LabFixture;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

@ResourceLock(UiTests.JAVAFX)
class ImportWizardModelTest {

    private final LabFixture lab = new LabFixture();
    private final dev.kmslab.ui.common.ScriptedDialogs dialogs = new dev.kmslab.ui.common.ScriptedDialogs();
    private final ImportWizardModel wizard = new ImportWizardModel(lab.session, dialogs);

    private KeyState state() {
        return lab.engine.describeKey(lab.root, new DescribeKeyRequest(wizard.keyIdProperty().get())).keyMetadata()
                .keyState();
    }

    private void throughWrap() {
        wizard.getParameters();
        wizard.next();
        wizard.generateMaterial();
        wizard.wrap();
        wizard.next();
    }

    @Test
    void wholeImport_fromANewExternalKey_toEncryptDecrypt_andDeletion() {
        assertThat(wizard.keys()).isEmpty();
        wizard.createKey();
        assertThat(wizard.keys()).containsExactly(wizard.keyIdProperty().get());
        assertThat(state()).isEqualTo(KeyState.PendingImport);
        assertThat(wizard.keyStateProperty().get()).isEqualTo("PendingImport");
        assertThat(wizard.canGoNext().get()).as("no parameters yet").isFalse();

        wizard.getParameters();
        assertThat(wizard.wrappingKeyPemProperty().get()).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(wizard.tokenExpiryProperty().get()).isEqualTo("Token and wrapping key valid until "
                + "2026-03-02 10:00:00 UTC (Key Lab time now 2026-03-01 10:00:00): 24 hours.");
        wizard.next();
        assertThat(wizard.stepProperty().get()).isEqualTo(ImportStep.MATERIAL);
        assertThat(wizard.canGoNext().get()).isFalse();

        wizard.generateMaterial();
        assertThat(wizard.materialHexProperty().get()).matches("[0-9a-f]{64}");
        wizard.wrap();
        assertThat(wizard.wrappedProperty().get()).as("RSA-OAEP under RSA_2048").hasSize(256);
        wizard.next();
        assertThat(wizard.stepProperty().get()).isEqualTo(ImportStep.IMPORT);

        wizard.setValidDays(10);
        wizard.importMaterial();
        assertThat(wizard.outcome().errorCode()).isEmpty();
        assertThat(wizard.importedMaterialIdProperty().get()).matches("[0-9a-f]{64}");
        assertThat(state()).isEqualTo(KeyState.Enabled);
        assertThat(wizard.keyStateProperty().get()).isEqualTo("Enabled, material expires 2026-03-11 10:00 UTC");
        wizard.next();
        assertThat(wizard.stepProperty().get()).isEqualTo(ImportStep.USE);
        assertThat(wizard.canGoNext().get()).isFalse();

        wizard.testEncryptDecrypt();
        assertThat(wizard.testResultProperty().get()).isEqualTo("Encrypt → Decrypt gave back: imported key says "
                + "hello");
        dialogs.willCancel().willConfirm();
        wizard.askToDeleteMaterial();
        assertThat(state()).as("cancelled").isEqualTo(KeyState.Enabled);
        wizard.askToDeleteMaterial();
        assertThat(state()).isEqualTo(KeyState.PendingImport);
        assertThat(dialogs.asked()).extracting(q -> q.title()).containsOnly("Delete the imported key material?");
        wizard.testEncryptDecrypt();
        assertThat(wizard.outcome().errorCode()).isEqualTo("KMSInvalidStateException");
    }

    @Test
    void reimport_ofTheSameMaterialWorks_butDifferentMaterialIsIncorrectKeyMaterial() {
        wizard.createKey();
        wizard.expirationModelProperty().set(ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE);
        throughWrap();
        wizard.importMaterial();
        String material = wizard.materialHexProperty().get();
        wizard.deleteMaterial();

        wizard.back();
        wizard.generateMaterial();
        wizard.wrap();
        wizard.importMaterial();
        assertThat(wizard.outcome().errorCode()).isEqualTo("IncorrectKeyMaterialException");
        assertThat(wizard.outcome().errorProperty().get().meaning()).contains("exactly the material already associated");
        assertThat(state()).isEqualTo(KeyState.PendingImport);

        wizard.materialHexProperty().set(material);
        wizard.wrap();
        wizard.importMaterial();
        assertThat(wizard.outcome().errorCode()).isEmpty();
        assertThat(wizard.keyStateProperty().get()).isEqualTo("Enabled, material does not expire");
    }

    @Test
    void importAfter24HoursOfLabTime_isExpiredImportToken_andFreshParametersFixIt() {
        wizard.createKey();
        throughWrap();
        wizard.advanceClockPastToken();
        wizard.importMaterial();
        assertThat(wizard.outcome().errorCode()).isEqualTo("ExpiredImportTokenException");
        assertThat(state()).isEqualTo(KeyState.PendingImport);

        wizard.back();
        wizard.back();
        wizard.getParameters();
        assertThat(wizard.wrappedProperty().get()).as("old wrapping no longer fits").isNull();
        wizard.next();
        wizard.wrap();
        wizard.next();
        wizard.importMaterial();
        assertThat(state()).isEqualTo(KeyState.Enabled);
    }

    @Test
    void expiringMaterial_returnsTheKeyToPendingImport_whenTheLabClockPassesValidTo() {
        wizard.createKey();
        throughWrap();
        wizard.setValidDays(1);
        wizard.importMaterial();
        lab.engine.advanceClock(Duration.ofDays(2));
        assertThat(state()).isEqualTo(KeyState.PendingImport);
    }

    @Test
    void keyWrapAlgorithm_withALargerWrappingKey_alsoImports() {
        wizard.createKey();
        wizard.algorithmProperty().set(AlgorithmSpec.RSA_AES_KEY_WRAP_SHA_256);
        wizard.wrappingSpecProperty().set(WrappingKeySpec.RSA_3072);
        wizard.getParameters();
        wizard.next();
        wizard.generateMaterial();
        wizard.wrap();
        assertThat(wizard.wrappedProperty().get()).as("384 RSA bytes + 40 bytes of AES-KWP").hasSize(424);
        wizard.next();
        wizard.importMaterial();
        assertThat(state()).isEqualTo(KeyState.Enabled);
    }

    @Test
    void badHex_isReportedWithoutACall() {
        wizard.createKey();
        wizard.getParameters();
        wizard.materialHexProperty().set("not hex");
        wizard.wrap();
        assertThat(wizard.outcome().errorCode()).isEqualTo("InvalidHex");
        assertThat(wizard.wrappedProperty().get()).isNull();
    }

    @Test
    void wrongLengthMaterial_isIncorrectKeyMaterial() {
        wizard.createKey();
        throughWrap();
        wizard.back();
        wizard.materialHexProperty().set("00".repeat(16));
        wizard.wrap();
        wizard.next();
        wizard.importMaterial();
        assertThat(wizard.outcome().errorCode()).isEqualTo("IncorrectKeyMaterialException");
    }

    @Test
    void existingExternalKeys_areListed_andSymmetricAwsKeysAreNot() {
        lab.key("alias/aws-made");
        wizard.createKey();
        String external = wizard.keyIdProperty().get();
        ImportWizardModel second = new ImportWizardModel(lab.session);
        assertThat(second.keys()).containsExactly(external);
        assertThat(second.keyIdProperty().get()).isEqualTo(external);
    }
}
