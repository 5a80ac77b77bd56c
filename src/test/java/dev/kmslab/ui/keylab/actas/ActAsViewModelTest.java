package dev.kmslab.ui.keylab.actas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.model.EncryptRequest;
import dev.kmslab.ui.UiTests;
import dev.kmslab.ui.keylab.LabFixture;
import dev.kmslab.ui.keylab.keys.KeysViewModel;
import dev.kmslab.ui.keylab.playground.PlaygroundViewModel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

@ResourceLock(UiTests.JAVAFX)
class ActAsViewModelTest {

    private final LabFixture lab = new LabFixture();
    private final String account = lab.engine.account();

    @Test
    void firstUse_seedsTheDemoPrincipals_andStartsAsTheAccountRoot() {
        ActAsViewModel actAs = new ActAsViewModel(lab.session);
        assertThat(actAs.choices()).extracting(PrincipalChoice::arn).containsExactly(
                "arn:aws:iam::" + account + ":root",
                "arn:aws:iam::" + account + ":role/KeyAdmin",
                "arn:aws:iam::" + account + ":role/App",
                "arn:aws:iam::444455556666:root",
                "arn:aws:iam::444455556666:role/Partner");
        assertThat(actAs.selectedProperty().get().arn()).isEqualTo("arn:aws:iam::" + account + ":root");
        assertThat(lab.engine.principals().policiesOf("arn:aws:iam::" + account + ":role/App")).isNotEmpty();
    }

    @Test
    void aDirectoryWithPrincipals_isNotSeededAgain() {
        lab.engine.principals().createUser(account, "alice");
        ActAsViewModel actAs = new ActAsViewModel(lab.session);
        assertThat(actAs.choices()).extracting(PrincipalChoice::label)
                .containsExactly("Account root (" + account + ")", "user/alice");
    }

    @Test
    void actingAsARole_setsTheSessionCaller_andItsDescription() {
        ActAsViewModel actAs = new ActAsViewModel(lab.session);
        actAs.actAs("arn:aws:iam::" + account + ":role/KeyAdmin");
        assertThat(lab.session.caller().principalArn()).isEqualTo("arn:aws:iam::" + account + ":role/KeyAdmin");
        assertThat(actAs.selectedProperty().get().label()).isEqualTo("role/KeyAdmin");
        assertThat(actAs.descriptionProperty().get()).startsWith("Key administrator");
    }

    @Test
    void theKeyAdministrator_cannotEncrypt_butTheAppRoleCan() {
        String keyId = lab.key("alias/orders");
        ActAsViewModel actAs = new ActAsViewModel(lab.session);
        new KeysViewModel(lab.session);
        PlaygroundViewModel playground = new PlaygroundViewModel(lab.session);
        lab.session.selectedKeyIdProperty().set(keyId);

        actAs.actAs("arn:aws:iam::" + account + ":role/KeyAdmin");
        playground.keyIdProperty().set(keyId);
        playground.plaintextProperty().set("hello");
        playground.encrypt();
        assertThat(playground.errorProperty().get().code()).isEqualTo("AccessDeniedException");
        assertThat(playground.errorProperty().get().message())
                .contains("role/KeyAdmin is not authorized to perform: kms:Encrypt");

        actAs.actAs("arn:aws:iam::" + account + ":role/App");
        assertThat(lab.engine.encrypt(lab.session.caller(), EncryptRequest.of(keyId,
                "hello".getBytes(StandardCharsets.UTF_8), java.util.Map.of())).ciphertextBlob()).isNotEmpty();
    }

    @Test
    void aDeletedPrincipalActedAs_fallsBackToItsAccountRoot_andSaysSo() {
        ActAsViewModel actAs = new ActAsViewModel(lab.session);
        actAs.actAs("arn:aws:iam::" + account + ":role/KeyAdmin");
        lab.engine.principals().deleteRole(account, "KeyAdmin");
        lab.session.changed();
        assertThat(lab.session.caller().principalArn()).isEqualTo("arn:aws:iam::" + account + ":root");
        assertThat(actAs.selectedProperty().get().arn()).isEqualTo("arn:aws:iam::" + account + ":root");
        assertThat(actAs.descriptionProperty().get())
                .startsWith("role/KeyAdmin no longer exists, so the lab acts as Account root (" + account + ") now.");
    }
}
