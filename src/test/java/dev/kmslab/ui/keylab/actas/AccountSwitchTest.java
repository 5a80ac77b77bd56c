package dev.kmslab.ui.keylab.actas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.EngineConfig;
import dev.kmslab.engine.LabAccounts;
import dev.kmslab.engine.SimulatedClock;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.ui.UiTests;
import dev.kmslab.ui.common.UiExecutor;
import dev.kmslab.ui.keylab.common.KeyLabSession;
import dev.kmslab.ui.keylab.keys.KeyRow;
import dev.kmslab.ui.keylab.keys.KeysViewModel;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** The Act-as area's account chooser: the Key Lab shows either lab account's keys and acts as its principals. */
@ResourceLock(UiTests.JAVAFX)
class AccountSwitchTest {

    private static final String HOME = EngineConfig.DEFAULT_ACCOUNT;
    private static final String PARTNER = LabAccounts.PARTNER_ACCOUNT;

    private final LabAccounts accounts = LabAccounts.inMemory(EngineConfig.defaults()
            .withClock(new SimulatedClock(Instant.parse("2026-03-01T10:00:00Z"))));
    private final KeyLabSession session = KeyLabSession.of(accounts, UiExecutor.synchronous());
    private final ActAsViewModel actAs = new ActAsViewModel(session);
    private final KeysViewModel keys = new KeysViewModel(session);

    @Test
    void switchingToPartner_showsPartnersKeys_andActsAsItsRoot() {
        String homeKey = accounts.home().defaultEngine().createKey(CallerContext.root(HOME),
                CreateKeyRequest.withDescription("home key")).keyMetadata().keyId();
        String partnerKey = accounts.find(PARTNER).orElseThrow().defaultEngine().createKey(
                CallerContext.root(PARTNER), CreateKeyRequest.withDescription("partner key")).keyMetadata().keyId();
        session.changed();
        assertThat(actAs.accounts()).containsExactly(HOME, PARTNER);
        assertThat(actAs.accountSwitchable().get()).isTrue();
        assertThat(keys.rows()).extracting(KeyRow::keyId).containsExactly(homeKey);

        actAs.switchAccount(PARTNER);

        assertThat(session.engine().account()).isEqualTo(PARTNER);
        assertThat(session.caller().principalArn()).isEqualTo("arn:aws:iam::" + PARTNER + ":root");
        assertThat(actAs.selectedProperty().get().label()).isEqualTo("Account root (" + PARTNER + ")");
        assertThat(keys.rows()).extracting(KeyRow::keyId).containsExactly(partnerKey);
        assertThat(ActAsViewModel.accountLabel(PARTNER, HOME)).isEqualTo(PARTNER + " (Partner)");

        actAs.switchAccount(HOME);
        assertThat(keys.rows()).extracting(KeyRow::keyId).containsExactly(homeKey);
        assertThat(session.caller().principalArn()).isEqualTo("arn:aws:iam::" + HOME + ":root");
    }

    @Test
    void inPartner_theHomeAccountsRoles_areStillChoices_forCrossAccountCalls() {
        actAs.switchAccount(PARTNER);
        assertThat(actAs.choices()).extracting(PrincipalChoice::arn).startsWith("arn:aws:iam::" + PARTNER + ":root")
                .contains("arn:aws:iam::" + HOME + ":role/App");
    }
}
