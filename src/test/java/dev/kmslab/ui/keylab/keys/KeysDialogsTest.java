package dev.kmslab.ui.keylab.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.model.KeyState;
import dev.kmslab.ui.UiTests;
import dev.kmslab.ui.common.ScriptedDialogs;
import dev.kmslab.ui.keylab.LabFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** The Keys screen's destructive actions ask the DialogService first and act only on the learner's confirmation. */
@ResourceLock(UiTests.JAVAFX)
class KeysDialogsTest {

    private final LabFixture lab = new LabFixture();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final KeysViewModel keys = new KeysViewModel(lab.session, dialogs);

    @Test
    void scheduleDeletion_confirmed_putsTheKeyPendingDeletion() {
        keys.select(keys.row(lab.key(null)));
        dialogs.willConfirm();
        keys.askToScheduleDeletion(7);
        assertThat(keys.selectedProperty().get().state()).isEqualTo(KeyState.PendingDeletion);
        assertThat(dialogs.asked()).singleElement().satisfies(q -> {
            assertThat(q.title()).isEqualTo("Delete this key in 7 days?");
            assertThat(q.text()).isEqualTo(KeysViewModel.deletionWarning(7));
            assertThat(q.confirmLabel()).isEqualTo("Schedule deletion");
        });
    }

    @Test
    void scheduleDeletion_cancelled_leavesTheKeyEnabled() {
        keys.select(keys.row(lab.key(null)));
        dialogs.willCancel();
        keys.askToScheduleDeletion(30);
        assertThat(keys.selectedProperty().get().state()).isEqualTo(KeyState.Enabled);
        assertThat(dialogs.asked()).extracting(q -> q.title()).containsExactly("Delete this key in 30 days?");
    }

    @Test
    void disable_cancelledThenConfirmed_disablesOnlyTheSecondTime() {
        keys.select(keys.row(lab.key(null)));
        dialogs.willCancel().willConfirm();
        keys.askToDisable();
        assertThat(keys.selectedProperty().get().state()).isEqualTo(KeyState.Enabled);
        keys.askToDisable();
        assertThat(keys.selectedProperty().get().state()).isEqualTo(KeyState.Disabled);
    }

    @Test
    void removeAlias_cancelledKeepsIt_confirmedDeletesIt() {
        String id = lab.key("alias/finance");
        keys.select(keys.row(id));
        dialogs.willCancel().willConfirm();
        keys.askToRemoveAlias("alias/finance");
        assertThat(keys.row(id).aliases()).containsExactly("alias/finance");
        keys.askToRemoveAlias("alias/finance");
        assertThat(keys.row(id).aliases()).isEmpty();
        assertThat(dialogs.asked()).extracting(q -> q.title() + " / " + q.confirmLabel())
                .containsOnly("Delete alias/finance? / Delete alias");
    }
}
