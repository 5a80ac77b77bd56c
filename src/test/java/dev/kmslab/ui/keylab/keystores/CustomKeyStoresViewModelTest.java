package dev.kmslab.ui.keylab.keystores;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.EngineConfig;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.cks.FakeHsm;
import dev.kmslab.engine.model.ConnectionState;
import dev.kmslab.engine.model.CustomKeyStoresListEntry;
import dev.kmslab.engine.model.DescribeKeyRequest;
import dev.kmslab.engine.model.KeyState;
import dev.kmslab.engine.store.KeystoreCorruptException;
import dev.kmslab.ui.UiTests;
import dev.kmslab.ui.common.UiExecutor;
import dev.kmslab.ui.keylab.common.KeyLabSession;
import dev.kmslab.ui.keylab.keys.CreateKeyForm;
import dev.kmslab.ui.keylab.keys.KeysViewModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** The Custom key stores panel against an engine whose tokens are simulated (no SoftHSM2 needed). */
@ResourceLock(UiTests.JAVAFX)
class CustomKeyStoresViewModelTest {

    private final KmsEngine engine = open();
    private final KeyLabSession session = KeyLabSession.of(engine, UiExecutor.synchronous());
    private final dev.kmslab.ui.common.ScriptedDialogs dialogs = new dev.kmslab.ui.common.ScriptedDialogs();
    private final CustomKeyStoresViewModel model = new CustomKeyStoresViewModel(session,
            Optional.of(Path.of("/usr/lib/softhsm/libsofthsm2.so")), dialogs);

    private static KmsEngine open() {
        try {
            return KmsEngine.open(EngineConfig.defaults(), new FakeHsm(FakeHsm.DEMO_PIN));
        } catch (IOException | KeystoreCorruptException e) {
            throw new IllegalStateException(e);
        }
    }

    private void fill(String name, String label, String pin) {
        model.nameProperty().set(name);
        model.slotKindProperty().set(CustomKeyStoresViewModel.SlotKind.TOKEN_LABEL);
        model.slotValueProperty().set(label);
        model.pinProperty().set(pin);
    }

    @Test
    void create_needsEveryField_listsTheStoreDisconnected_andClearsThePin() {
        assertThat(model.moduleLibraryProperty().get()).isEqualTo("/usr/lib/softhsm/libsofthsm2.so");
        assertThat(model.canCreate().get()).isFalse();
        fill("lab-hsm", "kmslab", FakeHsm.DEMO_PIN);
        assertThat(model.canCreate().get()).isTrue();

        model.create();

        assertThat(model.pinProperty().get()).isEmpty();
        assertThat(model.canCreate().get()).isFalse();
        assertThat(model.rows()).hasSize(1);
        StoreRow row = model.rows().get(0);
        assertThat(row.name()).isEqualTo("lab-hsm");
        assertThat(row.stateText()).isEqualTo("DISCONNECTED");
        assertThat(row.tokenText()).isEqualTo("token labelled 'kmslab' of /usr/lib/softhsm/libsofthsm2.so"
                + " — simulated token");
        assertThat(row.canConnect()).isTrue();
        assertThat(row.canDisconnect()).isFalse();
        assertThat(model.statusProperty().get()).startsWith("Created custom key store lab-hsm (cks-");
    }

    @Test
    void aSlotIdThatIsNotANumber_isRefusedBeforeAnyCall_andThePinIsStillCleared() {
        fill("lab-hsm", "twelve", FakeHsm.DEMO_PIN);
        model.slotKindProperty().set(CustomKeyStoresViewModel.SlotKind.SLOT_ID);

        model.create();

        assertThat(model.rows()).isEmpty();
        assertThat(model.errorProperty().get().message()).isEqualTo("Slot id must be a whole number: twelve");
        assertThat(model.pinProperty().get()).isEmpty();
    }

    @Test
    void connect_thenCreateAKeyInTheStore_thenDisconnect_makesItUnavailable() {
        fill("lab-hsm", "kmslab", FakeHsm.DEMO_PIN);
        model.create();
        model.connect(model.rows().get(0));
        StoreRow connected = model.rows().get(0);
        assertThat(connected.state()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(connected.canDisconnect()).isTrue();
        assertThat(connected.canDelete()).isFalse();

        KeysViewModel keys = new KeysViewModel(session);
        AtomicReference<List<CustomKeyStoresListEntry>> offered = new AtomicReference<>();
        keys.connectedStores(offered::set);
        assertThat(offered.get()).extracting(s -> s.customKeyStoreId()).containsExactly(connected.id());
        keys.create(new CreateKeyForm("", null, null, null, List.of(), "in-hsm", false, 365, connected.id()));
        String keyId = session.selectedKeyIdProperty().get();
        assertThat(keyId).isNotNull();

        model.disconnect(model.rows().get(0));

        assertThat(model.rows().get(0).state()).isEqualTo(ConnectionState.DISCONNECTED);
        assertThat(engine.describeKey(CallerContext.root(engine.account()), new DescribeKeyRequest(keyId))
                .keyMetadata().keyState()).isEqualTo(KeyState.Unavailable);
        model.delete(model.rows().get(0));
        assertThat(model.errorProperty().get().code()).isEqualTo("CustomKeyStoreHasCMKsException");
    }

    @Test
    void aWrongPin_showsFailedWithTheErrorCode_andDisconnectClearsIt() {
        fill("lab-hsm", "kmslab", "9999");
        model.create();

        model.connect(model.rows().get(0));

        StoreRow failed = model.rows().get(0);
        assertThat(failed.stateText()).isEqualTo("FAILED (INVALID_CREDENTIALS)");
        // A failed connection is an error naming the cause its code gives, not a status line.
        assertThat(model.statusProperty().get()).isEmpty();
        assertThat(model.errorProperty().get().code()).isEqualTo("INVALID_CREDENTIALS");
        assertThat(model.errorProperty().get().meaning()).contains("rejected the PIN");
        assertThat(failed.canConnect()).isFalse();
        assertThat(failed.canDisconnect()).isTrue();
        model.disconnect(failed);
        assertThat(model.rows().get(0).stateText()).isEqualTo("DISCONNECTED");
        dialogs.willCancel().willConfirm();
        model.askToDelete(model.rows().get(0));
        assertThat(model.rows()).extracting(StoreRow::name).containsExactly("lab-hsm");
        model.askToDelete(model.rows().get(0));
        assertThat(model.rows()).isEmpty();
        assertThat(dialogs.asked()).extracting(q -> q.confirmLabel()).containsExactly("Delete", "Delete");
        assertThat(dialogs.asked().get(0).text()).startsWith("Delete lab-hsm (cks-")
                .endsWith("The token and any key objects in it are left as they are.");
    }

    @Test
    void clusterNotFound_namesTheModuleSlotOrLabel_andNotThePin() {
        dev.kmslab.ui.keylab.common.LabError error = CustomKeyStoresViewModel.connectionFailure("lab-hsm",
                dev.kmslab.engine.model.ConnectionErrorCode.CLUSTER_NOT_FOUND);
        assertThat(error.headline()).startsWith("CLUSTER_NOT_FOUND: Connecting lab-hsm failed");
        assertThat(error.meaning()).contains("module file").contains("slot").doesNotContain("PIN");
    }
}
