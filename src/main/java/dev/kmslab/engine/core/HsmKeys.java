package dev.kmslab.engine.core;

import dev.kmslab.engine.crypto.pkcs11.HsmToken;
import dev.kmslab.engine.crypto.pkcs11.Pkcs11KeyLabel;
import dev.kmslab.engine.crypto.pkcs11.TokenException;
import dev.kmslab.engine.crypto.pkcs11.TokenNotConnectedException;
import dev.kmslab.engine.error.CustomKeyStoreInvalidStateException;
import dev.kmslab.engine.error.CustomKeyStoreNotFoundException;
import dev.kmslab.engine.error.UnsupportedOperationException;
import dev.kmslab.engine.error.ValidationException;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyUsage;
import dev.kmslab.engine.model.OriginType;
import dev.kmslab.engine.state.CustomKeyStoreRecord;
import dev.kmslab.engine.state.EngineState;

/** CreateKey in a custom key store: AWS's rules for the request, and the key object made in the store's token. */
public final class HsmKeys {

    private HsmKeys() {
    }

    /**
     * AWS: CustomKeyStoreId goes with Origin AWS_CLOUDHSM (and that origin needs a store), and only single-Region
     * symmetric encryption keys can live in a custom key store.
     */
    public static void checkRequest(String storeId, OriginType origin, KeySpec spec, KeyUsage usage, Boolean multiRegion) {
        if (storeId == null && origin != OriginType.AWS_CLOUDHSM) {
            return;
        }
        if (storeId == null) {
            throw new ValidationException("Origin AWS_CLOUDHSM requires a CustomKeyStoreId.");
        }
        if (origin != OriginType.AWS_CLOUDHSM) {
            throw new ValidationException("A key in an AWS CloudHSM key store needs Origin AWS_CLOUDHSM, not "
                    + origin + ".");
        }
        if (spec != KeySpec.SYMMETRIC_DEFAULT || usage != KeyUsage.ENCRYPT_DECRYPT) {
            throw new UnsupportedOperationException("Only symmetric encryption keys (SYMMETRIC_DEFAULT, "
                    + "ENCRYPT_DECRYPT) can be created in a custom key store, not " + spec + " " + usage + ".");
        }
        if (Boolean.TRUE.equals(multiRegion)) {
            throw new UnsupportedOperationException("Multi-Region keys cannot be created in a custom key store.");
        }
    }

    /**
     * Generates the key's AES-256 object in the store's token and returns {@code state} with the key assigned to
     * the store. Called under the mutation lock, after authorization.
     */
    public static EngineState generate(EngineCore core, EngineState state, String storeId, String keyId,
                                Created created) {
        CustomKeyStoreRecord store = state.customKeyStores().byId(storeId).orElseThrow(() ->
                new CustomKeyStoreNotFoundException("Custom key store " + storeId + " does not exist."));
        HsmToken token = core.keyStores.ifConnected(store.id()).orElseThrow(() ->
                new CustomKeyStoreInvalidStateException("Custom key store " + store.id() + " is "
                        + core.keyStores.state(store.id()) + "; keys can be created only while it is CONNECTED."));
        String label = new Pkcs11KeyLabel(keyId, 1).text();
        try {
            token.generateKey(label);
        } catch (TokenNotConnectedException e) {
            throw new CustomKeyStoreInvalidStateException("Custom key store " + store.id()
                    + " disconnected while the key was being created.");
        }
        created.token = token;
        created.label = label;
        return state.withCustomKeyStores(state.customKeyStores().withKey(keyId, store.id()));
    }

    /** The token object made for a CreateKey call, so that a call that fails afterwards can remove it again. */
    public static final class Created {
        private HsmToken token;
        private String label;

        /** Runs {@code call}; if it fails after a key was made in the token, deletes that key again. */
        public <T> T undoOnFailure(java.util.function.Supplier<T> call) {
            try {
                return call.get();
            } catch (RuntimeException e) {
                if (token != null) {
                    try {
                        token.deleteKey(label);
                    } catch (TokenException cleanup) {
                        // Best effort: like AWS, a failed clean-up leaves an orphaned object in the token.
                    }
                }
                throw e;
            }
        }
    }
}
