package dev.kmslab.engine.crypto.asymmetric;

import dev.kmslab.engine.model.KeySpec;
import java.security.Provider;
import java.security.Security;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Chooses the JCA provider per key spec. The JDK does RSA, the NIST curves and Ed25519; Bouncy Castle is used only
 * where JDK 17 has nothing: secp256k1 (removed from SunEC in JDK 16), ML-DSA, and raw-digest RSA-PSS. Bouncy Castle
 * is registered last (never as the default provider) and always passed explicitly.
 */
final class Providers {

    private static final Provider BOUNCY_CASTLE = register();

    private Providers() {
    }

    private static Provider register() {
        Provider existing = Security.getProvider(BouncyCastleProvider.PROVIDER_NAME);
        if (existing != null) {
            return existing;
        }
        Provider provider = new BouncyCastleProvider();
        Security.addProvider(provider);
        return provider;
    }

    static Provider bouncyCastle() {
        return BOUNCY_CASTLE;
    }

    /** True when keys of this spec must be handled by Bouncy Castle. */
    static boolean needsBouncyCastle(KeySpec spec) {
        return spec == KeySpec.ECC_SECG_P256K1 || spec.family() == KeySpec.Family.ML_DSA;
    }
}
