package dev.kmslab.engine.cks;

import dev.kmslab.engine.crypto.pkcs11.HsmToken;
import dev.kmslab.engine.crypto.pkcs11.PinSource;
import dev.kmslab.engine.crypto.pkcs11.Pkcs11Config;
import dev.kmslab.engine.crypto.pkcs11.Pkcs11Token;

/**
 * Makes the (not yet connected) token for a custom key store. The engine asks for a new one on every connect, so a
 * token left FAILED or disconnected is simply dropped.
 */
@FunctionalInterface
public interface TokenFactory {

    HsmToken create(String storeId, TokenSettings settings, PinSource pin);

    /**
     * Whether the settings name a module this factory can load; CreateCustomKeyStore refuses others with
     * CloudHsmClusterNotFoundException, as AWS refuses a cluster id it cannot find.
     */
    default boolean moduleExists(TokenSettings settings) {
        return java.nio.file.Files.isRegularFile(settings.library());
    }

    /** True when this factory would give the settings the in-memory stand-in rather than a real token. */
    default boolean simulates(TokenSettings settings) {
        return false;
    }

    /**
     * The Key Lab's choice: a real PKCS#11 token where the module library exists, otherwise a simulated device of
     * {@code fallback} (a {@code FakeHsm}), so a learner without SoftHSM2 can still walk through custom key stores.
     */
    static TokenFactory realOrSimulated(TokenFactory fallback) {
        return new TokenFactory() {
            @Override
            public HsmToken create(String storeId, TokenSettings settings, PinSource pin) {
                return simulates(settings) ? fallback.create(storeId, settings, pin)
                        : pkcs11Token(storeId, settings, pin);
            }

            @Override
            public boolean moduleExists(TokenSettings settings) {
                return true;
            }

            @Override
            public boolean simulates(TokenSettings settings) {
                return !java.nio.file.Files.isRegularFile(settings.library());
            }
        };
    }

    /** Real PKCS#11 tokens through the JDK's SunPKCS11 provider. */
    static TokenFactory pkcs11() {
        return TokenFactory::pkcs11Token;
    }

    /** The SunPKCS11 provider is named after the store id, so each store gets its own provider instance. */
    private static HsmToken pkcs11Token(String storeId, TokenSettings settings, PinSource pin) {
        return new Pkcs11Token(new Pkcs11Config(storeId, settings.library(), settings.slot(), pin));
    }
}
