package dev.kmslab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** The Playground's "Would this be allowed?" and the Act-as account chooser, clicked and read on screen. */
@ResourceLock(UiTests.JAVAFX)
class WouldItBeAllowedUiTest extends KeyLabUiFixture {

    private String answer() {
        Label label = app.find("#pg-dry-run-answer");
        return label.getText();
    }

    @Test
    void askingAsTheRoot_saysYes_andTheAccountChooserOffersPartner() throws Exception {
        createKeyInTheDialog("orders");
        tab("keylab-tab-playground", "#playground-view");
        until(() -> !session().selectedKeyIdProperty().get().isEmpty());
        click("#pg-dry-run-ask");
        until(() -> answer().startsWith("Yes: arn:aws:iam::111122223333:root may call Encrypt"));

        ComboBox<String> accounts = app.find("#act-as-account");
        until(accounts::isVisible);
        assertThat(accounts.getItems()).containsExactly("111122223333", "444455556666");
    }
}
