package dev.kmslab.engine.state;

import dev.kmslab.engine.model.AlgorithmSpec;
import java.security.KeyPair;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One GetParametersForImport answer, kept (and persisted with the keystore) until a day after it expires, so that an
 * import after a restart still works within the 24 hours, and a late one hears "expired" rather than "invalid".
 *
 * @param token       the opaque import token handed to the caller; it only names this entry
 * @param wrappingKey the RSA wrapping key pair; its private half is a secret, like key material
 */
public record ImportToken(byte[] token, String keyId, AlgorithmSpec algorithm, KeyPair wrappingKey,
                          Instant validTo) {

    public ImportToken {
        token = token.clone();
    }

    @Override
    public byte[] token() {
        return token.clone();
    }

    /** The token as lowercase hex: its identity in {@link ImportTokens}. */
    public String id() {
        return HexFormat.of().formatHex(token);
    }

    @Override
    public String toString() {
        return "ImportToken[" + keyId + ", " + algorithm + ", valid to " + validTo + "]";
    }
}
