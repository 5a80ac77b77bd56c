package dev.kmslab.engine.core;

import dev.kmslab.engine.crypto.pkcs11.TokenException;
import dev.kmslab.engine.state.EngineState;
import dev.kmslab.engine.state.KeyRecord;
import dev.kmslab.engine.state.KeyVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * When a key in a custom key store is deleted, AWS makes a best effort to delete its key material from the cluster.
 * The lab does the same: if the store is connected, the token objects go too; otherwise they stay behind as orphans
 * (as they would in CloudHSM), found by their {@code kmslab:<keyId>:<version>} label.
 */
public final class HsmKeyCleanup {

    private String storeId;
    private final List<String> labels = new ArrayList<>();

    /** Notes the token objects of {@code key} before the key leaves the state. */
    public static void remember(EngineState state, KeyRecord key, HsmKeyCleanup cleanup) {
        if (!HsmKeyCrypto.inToken(key)) {
            return;
        }
        cleanup.storeId = state.customKeyStores().storeOf(key.keyId()).orElse(null);
        for (KeyVersion version : key.versions()) {
            cleanup.labels.add(HsmKeyCrypto.label(key, version));
        }
    }

    /** Deletes the noted objects if the store is connected; called after the deletion was persisted. */
    public void run(EngineCore core) {
        if (storeId == null) {
            return;
        }
        core.keyStores.ifConnected(storeId).ifPresent(token -> {
            for (String label : labels) {
                try {
                    token.deleteKey(label);
                } catch (TokenException e) {
                    // Best effort, as in AWS: an object that cannot be deleted is left as an orphan.
                }
            }
        });
    }
}
