package dev.kmslab.ui.keylab.keystores;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.model.ConnectionErrorCode;
import dev.kmslab.engine.model.ConnectCustomKeyStoreRequest;
import dev.kmslab.engine.model.CreateCustomKeyStoreRequest;
import dev.kmslab.engine.model.CustomKeyStoresListEntry;
import dev.kmslab.engine.model.DeleteCustomKeyStoreRequest;
import dev.kmslab.engine.model.DescribeCustomKeyStoresRequest;
import dev.kmslab.engine.model.DisconnectCustomKeyStoreRequest;
import dev.kmslab.ui.keylab.common.KeyLabSession;
import dev.kmslab.ui.keylab.common.LabError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Custom key stores panel: a form for CreateCustomKeyStore (the PKCS#11 module, the slot, and the token PIN,
 * which is cleared from the form as soon as the call is made), and the stores with their connection states and the
 * Connect, Disconnect and Delete commands. Never touches a control.
 */
public final class CustomKeyStoresViewModel {

    /** How the form picks the token. */
    public enum SlotKind {
        TOKEN_LABEL("Token label"), SLOT_ID("Slot id"), SLOT_LIST_INDEX("Slot list index");

        private final String label;

        SlotKind(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** Where distributions install SoftHSM2's module; the first that exists is the form's default. */
    public static final List<String> SOFTHSM_MODULES = List.of("/usr/lib/softhsm/libsofthsm2.so",
            "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so", "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so",
            "/usr/lib64/pkcs11/libsofthsm2.so", "/usr/local/lib/softhsm/libsofthsm2.so",
            "/opt/homebrew/lib/softhsm/libsofthsm2.so");

    private final KeyLabSession session;
    private final ObservableList<StoreRow> rows = FXCollections.observableArrayList();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty moduleLibrary = new SimpleStringProperty("");
    private final ObjectProperty<SlotKind> slotKind = new SimpleObjectProperty<>(SlotKind.TOKEN_LABEL);
    private final StringProperty slotValue = new SimpleStringProperty("");
    private final StringProperty pin = new SimpleStringProperty("");
    private final javafx.beans.property.ReadOnlyStringWrapper status = new javafx.beans.property.ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyObjectWrapper<LabError> error = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final BooleanBinding canCreate;
    private final javafx.beans.binding.StringBinding createHint;
    private int loads;

    private final dev.kmslab.ui.common.DialogService dialogs;

    public CustomKeyStoresViewModel(KeyLabSession session, dev.kmslab.ui.common.DialogService dialogs) {
        this(session, defaultModule(), dialogs);
    }

    /** For tests that never reach a dialog; asking for one fails. */
    public CustomKeyStoresViewModel(KeyLabSession session, Optional<Path> defaultModule) {
        this(session, defaultModule, dev.kmslab.ui.common.DialogService.none());
    }

    /** @param defaultModule the module path the form starts with (the SoftHSM2 library when installed) */
    public CustomKeyStoresViewModel(KeyLabSession session, Optional<Path> defaultModule, dev.kmslab.ui.common.DialogService dialogs) {
        this.session = session;
        this.dialogs = dialogs;
        defaultModule.ifPresent(p -> moduleLibrary.set(p.toString()));
        createHint = Bindings.createStringBinding(this::missingFields, name, moduleLibrary, slotValue, pin);
        canCreate = Bindings.createBooleanBinding(() -> createHint.get().isEmpty(), createHint);
        session.revisionProperty().addListener((obs, was, now) -> reload());
        reload();
    }

    // Why Create is disabled, or "" when it is not: the disabled button alone does not tell the learner.
    private String missingFields() {
        List<String> missing = new ArrayList<>();
        if (name.get().isBlank()) {
            missing.add("a name");
        }
        if (moduleLibrary.get().isBlank()) {
            missing.add("the PKCS#11 module");
        }
        if (slotValue.get().isBlank()) {
            missing.add("the token (" + slotKind.get().toString().toLowerCase(java.util.Locale.ROOT) + ")");
        }
        if (pin.get().isEmpty()) {
            missing.add("the user PIN");
        }
        if (missing.isEmpty()) {
            return "";
        }
        String list = missing.size() == 1 ? missing.get(0) : String.join(", ", missing.subList(0, missing.size()
                - 1)) + " and " + missing.get(missing.size() - 1);
        return "To create a key store, fill in " + list + ".";
    }

    public static Optional<Path> defaultModule() {
        return SOFTHSM_MODULES.stream().map(Path::of).filter(Files::isRegularFile).findFirst();
    }

    public void reload() {
        if (session.engine() == null) {
            return;
        }
        int load = ++loads;
        session.call(engine -> load(engine, session.caller()), loaded -> {
            if (load == loads) {
                rows.setAll(loaded);
            }
        }, e -> {
            if (load == loads) {
                rows.clear();
                error.set(e);
            }
        });
    }

    /** DescribeCustomKeyStores only: the panel lists no keys, so loading it adds one event to the audit log. */
    private static List<StoreRow> load(KmsEngine engine, CallerContext caller) {
        List<StoreRow> loaded = new ArrayList<>();
        for (CustomKeyStoresListEntry store : engine.customKeyStores().describeCustomKeyStores(caller,
                DescribeCustomKeyStoresRequest.all()).customKeyStores()) {
            loaded.add(new StoreRow(store));
        }
        return loaded;
    }

    // ---- commands ----

    /** CreateCustomKeyStore from the form; the PIN field is cleared whatever the outcome. */
    public void create() {
        CreateCustomKeyStoreRequest request;
        try {
            request = request();
        } catch (IllegalArgumentException e) {
            error.set(new LabError("ValidationException", e.getMessage(), "A parameter is missing or malformed."));
            return;
        } finally {
            pin.set("");
        }
        String storeName = request.customKeyStoreName();
        session.mutate(engine -> engine.customKeyStores().createCustomKeyStore(session.caller(), request),
                created -> done("Created custom key store " + storeName + " (" + created.customKeyStoreId()
                        + "). Connect it before creating keys in it."), this::failed);
    }

    private CreateCustomKeyStoreRequest request() {
        String slot = slotValue.get().trim();
        Long slotId = null;
        Integer index = null;
        String label = null;
        try {
            switch (slotKind.get()) {
                case SLOT_ID: slotId = Long.parseLong(slot); break;
                case SLOT_LIST_INDEX: index = Integer.parseInt(slot); break;
                default: label = slot;
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(slotKind.get() + " must be a whole number: " + slot);
        }
        return new CreateCustomKeyStoreRequest(name.get().trim(), Path.of(moduleLibrary.get().trim()), slotId,
                index, label, pin.get().toCharArray());
    }

    /**
     * ConnectCustomKeyStore. Like AWS, a failed login is not an error of the call: the store shows FAILED with its
     * ConnectionErrorCode, so the status line points there.
     */
    public void connect(StoreRow row) {
        session.mutate(engine -> {
            engine.customKeyStores().connectCustomKeyStore(session.caller(),
                    new ConnectCustomKeyStoreRequest(row.id()));
            return engine.customKeyStores().describeCustomKeyStores(session.caller(),
                    DescribeCustomKeyStoresRequest.byId(row.id())).customKeyStores().get(0);
        }, store -> {
            if (store.connectionErrorCode() == null) {
                done("Connected " + row.name() + ".");
            } else {
                failed(connectionFailure(row.name(), store.connectionErrorCode()));
            }
        }, this::failed);
    }

    /**
     * A failed connection as an error: the ConnectionErrorCode, and the likely cause that code names (only
     * INVALID_CREDENTIALS is about the PIN), with the way out: disconnect, fix, connect again.
     */
    static LabError connectionFailure(String storeName, ConnectionErrorCode code) {
        String cause = switch (code) {
            case INVALID_CREDENTIALS -> "The token rejected the PIN (in AWS: the kmsuser password). Disconnect the "
                    + "store, set the right PIN with UpdateCustomKeyStore, then connect again.";
            case USER_LOCKED_OUT -> "The token locked its user after too many wrong PINs. Unlock it with the "
                    + "token's own tools, disconnect the store, then connect again.";
            case USER_NOT_FOUND -> "The token has no user PIN set up yet (in AWS: no kmsuser). Initialise the "
                    + "token's user PIN, disconnect the store, then connect again.";
            case USER_LOGGED_IN -> "Something else is logged in to the token. Log it out, disconnect the store, "
                    + "then connect again.";
            case CLUSTER_NOT_FOUND -> "The token was not found: the PKCS#11 module file, the slot or the token "
                    + "label is wrong (in AWS: the CloudHSM cluster). Disconnect the store, fix them with "
                    + "UpdateCustomKeyStore, then connect again.";
            case NETWORK_ERRORS -> "The token device cannot be reached (removed or failing). Check the device, "
                    + "disconnect the store, then connect again.";
            case INTERNAL_ERROR -> "The token failed in an unexpected way. Disconnect the store and connect "
                    + "again; if it keeps failing, check the token with its own tools.";
        };
        return new LabError(code.name(), "Connecting " + storeName + " failed (ConnectionErrorCode).", cause);
    }

    public void disconnect(StoreRow row) {
        session.mutate(engine -> {
            engine.customKeyStores().disconnectCustomKeyStore(session.caller(),
                    new DisconnectCustomKeyStoreRequest(row.id()));
            return null;
        }, nothing -> done("Disconnected " + row.name() + ": its keys are Unavailable until it reconnects."),
                this::failed);
    }

    /** Asks before deleting {@code row}'s store; deletes it only if the learner confirms. */
    public void askToDelete(StoreRow row) {
        dialogs.confirm(new dev.kmslab.ui.common.DialogService.Confirmation("Delete custom key store", "Delete " + row.name() + " ("
                + row.id() + ")? The token and any key objects in it are left as they are.", "Delete"),
                () -> delete(row));
    }

    public void delete(StoreRow row) {
        session.mutate(engine -> {
            engine.customKeyStores().deleteCustomKeyStore(session.caller(), new DeleteCustomKeyStoreRequest(row.id()));
            return null;
        }, nothing -> done("Deleted custom key store " + row.name() + "."), this::failed);
    }

    private void done(String message) {
        error.set(null);
        status.set(message);
    }

    private void failed(LabError e) {
        status.set("");
        error.set(e);
    }

    // ---- properties ----

    public ObservableList<StoreRow> rows() {
        return rows;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty moduleLibraryProperty() {
        return moduleLibrary;
    }

    public ObjectProperty<SlotKind> slotKindProperty() {
        return slotKind;
    }

    public StringProperty slotValueProperty() {
        return slotValue;
    }

    /** The token user PIN; bound to a password field and cleared after each CreateCustomKeyStore. */
    public StringProperty pinProperty() {
        return pin;
    }

    public BooleanBinding canCreate() {
        return canCreate;
    }

    /** What the form still needs before Create can run, or "" when nothing. */
    public javafx.beans.binding.StringBinding createHint() {
        return createHint;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LabError> errorProperty() {
        return error.getReadOnlyProperty();
    }
}
