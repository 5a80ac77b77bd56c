package dev.kmslab.engine.core;

import dev.kmslab.engine.crypto.pkcs11.HsmToken;
import dev.kmslab.engine.crypto.AesGcm;
import dev.kmslab.engine.crypto.CiphertextBlob;
import dev.kmslab.engine.crypto.pkcs11.Pkcs11KeyLabel;
import dev.kmslab.engine.crypto.pkcs11.TokenKeyNotFoundException;
import dev.kmslab.engine.crypto.pkcs11.TokenNotConnectedException;
import dev.kmslab.engine.error.CustomKeyStoreInvalidStateException;
import dev.kmslab.engine.error.CustomKeyStoreNotFoundException;
import dev.kmslab.engine.error.KMSInternalException;
import dev.kmslab.engine.error.KMSInvalidStateException;
import dev.kmslab.engine.state.KeyRecord;
import dev.kmslab.engine.state.KeyVersion;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The custom-key-store backend of the symmetric operations: the key's token object (labelled
 * {@code kmslab:<keyId>:<version>}) does the AES-GCM, and IVs and data keys come from the token's generator, so
 * neither the key nor (for GenerateDataKeyWithoutPlaintext) the data key is ever made outside it.
 */
public final class HsmKeyCrypto {

    private final EngineCore core;

    public HsmKeyCrypto(EngineCore core) {
        this.core = core;
    }

    public static boolean inToken(KeyRecord key) {
        return key.origin() == dev.kmslab.engine.model.OriginType.AWS_CLOUDHSM;
    }

    public static String label(KeyRecord key, KeyVersion version) {
        return new Pkcs11KeyLabel(key.keyId(), version.version()).text();
    }

    public byte[] seal(KeyRecord key, Map<String, String> context, byte[] plaintext) {
        KeyVersion current = key.current();
        HsmToken token = token(key);
        return guarded(key, () -> CiphertextBlob.seal(key.keyId(), current.version(), cipher(token,
                label(key, current)), token.generateRandom(AesGcm.IV_LENGTH), context, plaintext));
    }

    public byte[] open(KeyRecord key, KeyVersion version, CiphertextBlob blob, Map<String, String> context) {
        HsmToken token = token(key);
        return guarded(key, () -> blob.open(cipher(token, label(key, version)), context));
    }

    /** Random bytes from the key's token, for data keys. */
    public byte[] random(KeyRecord key, int numberOfBytes) {
        HsmToken token = token(key);
        return guarded(key, () -> token.generateRandom(numberOfBytes));
    }

    /** GenerateRandom with a CustomKeyStoreId: AWS requires the store to be CONNECTED. */
    public byte[] randomFromStore(dev.kmslab.engine.state.EngineState state, String storeId, int numberOfBytes) {
        state.customKeyStores().byId(storeId).orElseThrow(() -> new CustomKeyStoreNotFoundException(
                "Custom key store " + storeId + " does not exist in this account and Region."));
        HsmToken token = core.keyStores.ifConnected(storeId).orElseThrow(() ->
                new CustomKeyStoreInvalidStateException("Custom key store " + storeId + " is "
                        + core.keyStores.state(storeId) + "; GenerateRandom needs it CONNECTED."));
        try {
            return token.generateRandom(numberOfBytes);
        } catch (TokenNotConnectedException e) {
            throw new CustomKeyStoreInvalidStateException("Custom key store " + storeId
                    + " disconnected during GenerateRandom.");
        }
    }

    private HsmToken token(KeyRecord key) {
        String storeId = core.store.current().customKeyStores().storeOf(key.keyId())
                .orElseThrow(() -> new KMSInternalException("No custom key store holds " + key.arn() + ".", null));
        return core.keyStores.connectedToken(storeId, key.arn());
    }

    private static CiphertextBlob.TokenCipher cipher(HsmToken token, String label) {
        return new CiphertextBlob.TokenCipher() {
            @Override
            public byte[] encrypt(byte[] iv, byte[] plaintext, byte[] aad) {
                return token.encrypt(label, iv, plaintext, aad);
            }

            @Override
            public byte[] decrypt(byte[] iv, byte[] ciphertextAndTag, byte[] aad) {
                return token.decrypt(label, iv, ciphertextAndTag, aad);
            }
        };
    }

    /** Token failures as KMS errors: a store disconnected mid-call makes the key unavailable. */
    private static <T> T guarded(KeyRecord key, Supplier<T> work) {
        try {
            return work.get();
        } catch (TokenNotConnectedException e) {
            throw new KMSInvalidStateException(key.arn() + " is unavailable: its custom key store is not connected.");
        } catch (TokenKeyNotFoundException e) {
            throw new KMSInternalException("The key material of " + key.arn()
                    + " is missing from its custom key store's token.", e);
        }
    }
}
