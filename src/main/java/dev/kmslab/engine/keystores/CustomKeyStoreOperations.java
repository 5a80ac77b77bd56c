package dev.kmslab.engine.keystores;

import dev.kmslab.engine.cks.TokenFactory;
import dev.kmslab.engine.cks.TokenSettings;
import dev.kmslab.engine.core.Call;
import dev.kmslab.engine.core.EngineCore;
import dev.kmslab.engine.core.Pages;
import dev.kmslab.engine.core.StateStore;
import dev.kmslab.engine.Validation;
import dev.kmslab.engine.model.ConnectionState;
import dev.kmslab.engine.crypto.pkcs11.SlotSelector;
import dev.kmslab.engine.error.CloudHsmClusterInUseException;
import dev.kmslab.engine.error.CloudHsmClusterNotFoundException;
import dev.kmslab.engine.error.CustomKeyStoreHasCMKsException;
import dev.kmslab.engine.error.CustomKeyStoreInvalidStateException;
import dev.kmslab.engine.error.CustomKeyStoreNameInUseException;
import dev.kmslab.engine.error.CustomKeyStoreNotFoundException;
import dev.kmslab.engine.error.ValidationException;
import dev.kmslab.engine.model.CreateCustomKeyStoreRequest;
import dev.kmslab.engine.model.CreateCustomKeyStoreResult;
import dev.kmslab.engine.model.CustomKeyStoreType;
import dev.kmslab.engine.model.CustomKeyStoresListEntry;
import dev.kmslab.engine.model.DescribeCustomKeyStoresRequest;
import dev.kmslab.engine.model.DescribeCustomKeyStoresResult;
import dev.kmslab.engine.model.UpdateCustomKeyStoreRequest;
import dev.kmslab.engine.state.CustomKeyStoreRecord;
import dev.kmslab.engine.state.CustomKeyStores;
import dev.kmslab.engine.state.EngineState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The custom key store operations, with AWS's rules: names unique in the account, one store per cluster (here: per
 * token), keys created only while CONNECTED, a store updated (except its name) or deleted only while DISCONNECTED,
 * and deleted only once it holds no keys. All six are authorized by IAM policy alone: a custom key store has no
 * key policy.
 */
public final class CustomKeyStoreOperations {

    public static final int MAX_NAME = 256;
    /** AWS caps the kmsuser password at 32 characters; PKCS#11 PINs may be shorter than AWS's minimum of 7. */
    public static final int MAX_PASSWORD = 32;

    private final EngineCore core;
    private final TokenFactory factory;

    public CustomKeyStoreOperations(EngineCore core, TokenFactory factory) {
        this.core = core;
        this.factory = factory;
    }

    public static TokenSettings settings(CreateCustomKeyStoreRequest r) {
        Path library = Validation.required("cloudHsmClusterId (moduleLibrary)", r.moduleLibrary());
        if (!library.isAbsolute()) {
            throw new ValidationException("The PKCS#11 module library path must be absolute: " + library);
        }
        int given = (r.slotId() != null ? 1 : 0) + (r.slotListIndex() != null ? 1 : 0)
                + (r.tokenLabel() != null ? 1 : 0);
        if (given != 1) {
            throw new ValidationException("Give exactly one of slot id, slot list index and token label.");
        }
        try {
            SlotSelector slot = r.slotId() != null ? new SlotSelector.SlotId(r.slotId())
                    : r.slotListIndex() != null ? new SlotSelector.SlotListIndex(r.slotListIndex())
                    : new SlotSelector.TokenLabel(r.tokenLabel());
            return new TokenSettings(library, slot);
        } catch (IllegalArgumentException e) {
            throw new ValidationException(e.getMessage());
        }
    }

    public CreateCustomKeyStoreResult create(Call call, CreateCustomKeyStoreRequest r) {
        String name = validName("customKeyStoreName", r.customKeyStoreName());
        TokenSettings token = settings(r);
        char[] password = validPassword(r.keyStorePassword());
        try {
            return core.store.mutate(state -> {
                core.gate.authorize(call, call.operation.action(), state, null, null, null);
                CustomKeyStores stores = state.customKeyStores();
                if (stores.byName(name).isPresent()) {
                    throw new CustomKeyStoreNameInUseException("The custom key store name " + name
                            + " is already in use in this account.");
                }
                for (CustomKeyStoreRecord other : stores.stores().values()) {
                    if (other.cloudHsmClusterId().equals(token.clusterId())) {
                        throw new CloudHsmClusterInUseException("Cluster " + token.clusterId() + " ("
                                + token.describe() + ") is already associated with custom key store "
                                + other.id() + ".");
                    }
                }
                if (!factory.moduleExists(token)) {
                    throw new CloudHsmClusterNotFoundException("No PKCS#11 module library at " + token.library()
                            + "; it stands in for the CloudHSM cluster.");
                }
                String id = "cks-" + HexFormat.of().formatHex(core.random.bytes(9)).substring(0, 17);
                CustomKeyStoreRecord store = new CustomKeyStoreRecord(id, name, token, call.now, password);
                return new StateStore.Change<>(state.withCustomKeyStores(stores.withStore(store)),
                        new CreateCustomKeyStoreResult(id));
            });
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    public DescribeCustomKeyStoresResult describe(Call call, DescribeCustomKeyStoresRequest r) {
        EngineState state = core.store.current();
        core.gate.authorize(call, call.operation.action(), state, null, null, null);
        List<CustomKeyStoresListEntry> matching = new ArrayList<>();
        for (CustomKeyStoreRecord store : state.customKeyStores().stores().values()) {
            if ((r.customKeyStoreId() == null || store.id().equals(r.customKeyStoreId()))
                    && (r.customKeyStoreName() == null || store.name().equals(r.customKeyStoreName()))) {
                matching.add(entry(store));
            }
        }
        if (matching.isEmpty() && (r.customKeyStoreId() != null || r.customKeyStoreName() != null)) {
            throw notFound(r.customKeyStoreId() != null ? r.customKeyStoreId() : r.customKeyStoreName());
        }
        Pages.Page<CustomKeyStoresListEntry> page = Pages.slice("customKeyStores", matching, r.limit(), 100, 1000,
                r.marker());
        return new DescribeCustomKeyStoresResult(page.items(), page.nextMarker(), page.truncated());
    }

    private CustomKeyStoresListEntry entry(CustomKeyStoreRecord store) {
        ConnectionState state = core.keyStores.state(store.id());
        return new CustomKeyStoresListEntry(store.id(), store.name(), store.cloudHsmClusterId(), state,
                state == ConnectionState.FAILED ? core.keyStores.errorCode(store.id()).orElse(null) : null,
                store.creationDate(), CustomKeyStoreType.AWS_CLOUDHSM, store.token().library().toString(),
                store.token().slot().describe(), factory.simulates(store.token()));
    }

    public void connect(Call call, String storeId) {
        EngineState state = core.store.current();
        core.gate.authorize(call, call.operation.action(), state, null, null, null);
        core.keyStores.connect(existing(state, storeId));
    }

    public void disconnect(Call call, String storeId) {
        EngineState state = core.store.current();
        core.gate.authorize(call, call.operation.action(), state, null, null, null);
        core.keyStores.disconnect(existing(state, storeId).id());
    }

    public void update(Call call, UpdateCustomKeyStoreRequest r) {
        String newName = r.newCustomKeyStoreName() == null ? null
                : validName("newCustomKeyStoreName", r.newCustomKeyStoreName());
        char[] password = r.keyStorePassword() == null ? null : validPassword(r.keyStorePassword());
        try {
            core.store.mutate(state -> {
                core.gate.authorize(call, call.operation.action(), state, null, null, null);
                CustomKeyStoreRecord store = existing(state, r.customKeyStoreId());
                if (newName != null && state.customKeyStores().byName(newName)
                        .filter(other -> !other.id().equals(store.id())).isPresent()) {
                    throw new CustomKeyStoreNameInUseException("The custom key store name " + newName
                            + " is already in use in this account.");
                }
                ConnectionState connection = core.keyStores.state(store.id());
                if (password != null && connection != ConnectionState.DISCONNECTED) {
                    throw new CustomKeyStoreInvalidStateException("Custom key store " + store.id() + " is "
                            + connection + "; only its name can be changed unless it is DISCONNECTED.");
                }
                CustomKeyStoreRecord next = store;
                next = newName == null ? next : next.withName(newName);
                next = password == null ? next : next.withPassword(password);
                return new StateStore.Change<>(state.withCustomKeyStores(state.customKeyStores().withStore(next)),
                        null);
            });
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    public void delete(Call call, String storeId) {
        core.store.mutate(state -> {
            core.gate.authorize(call, call.operation.action(), state, null, null, null);
            CustomKeyStoreRecord store = existing(state, storeId);
            ConnectionState connection = core.keyStores.state(store.id());
            if (connection != ConnectionState.DISCONNECTED) {
                throw new CustomKeyStoreInvalidStateException("Custom key store " + store.id() + " is " + connection
                        + "; disconnect it before deleting it.");
            }
            int keys = state.customKeyStores().keysIn(store.id()).size();
            if (keys > 0) {
                throw new CustomKeyStoreHasCMKsException("Custom key store " + store.id() + " still holds " + keys
                        + " KMS key(s). Schedule their deletion and wait for it to complete first.");
            }
            return new StateStore.Change<>(state.withCustomKeyStores(state.customKeyStores().withoutStore(
                    store.id())), null);
        });
    }

    private static CustomKeyStoreRecord existing(EngineState state, String storeId) {
        Validation.required("customKeyStoreId", storeId);
        return state.customKeyStores().byId(storeId).orElseThrow(() -> notFound(storeId));
    }

    private static CustomKeyStoreNotFoundException notFound(String idOrName) {
        return new CustomKeyStoreNotFoundException("Custom key store " + idOrName + " does not exist in this "
                + "account and Region.");
    }

    private static String validName(String member, String name) {
        Validation.required(member, name);
        Validation.length(member, name.length(), 1, MAX_NAME);
        return name;
    }

    /** The PIN itself is never quoted: a length error names only the member. */
    private static char[] validPassword(char[] password) {
        if (password == null || password.length == 0 || password.length > MAX_PASSWORD) {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
            throw new ValidationException("keyStorePassword must be 1 to " + MAX_PASSWORD + " characters.");
        }
        return password;
    }
}
