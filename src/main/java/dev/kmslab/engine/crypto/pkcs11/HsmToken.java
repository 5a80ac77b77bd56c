package dev.kmslab.engine.crypto.pkcs11;

import dev.kmslab.engine.model.ConnectionErrorCode;
import dev.kmslab.engine.model.ConnectionState;
import java.util.Optional;

/**
 * The key-material backend of a custom key store (and of a token-sealed keystore): a token that generates AES-256
 * keys as non-extractable objects and runs AES-GCM and random generation itself, so the engine only ever holds a
 * key's label. The real backend is a PKCS#11 token ({@link Pkcs11Token}); {@code cks.FakeHsm} makes simulated ones
 * where no token is installed (unit tests, the UI on a machine without SoftHSM2). It lives here, beside the real
 * token and the {@link ConnectionStateMachine} both implementations run on, so {@code cks} (the fake), {@code core}
 * and {@code store} use it without depending on each other.
 *
 * <p>Connection rules are AWS's: connect is a no-op when CONNECTED and refused when FAILED (disconnect first);
 * disconnect is refused when DISCONNECTED. Key and crypto calls need CONNECTED and otherwise throw
 * {@link TokenNotConnectedException}.
 */
public interface HsmToken {

    ConnectionState state();

    /** Why the last connect failed; present only while FAILED. */
    Optional<ConnectionErrorCode> errorCode();

    /**
     * Logs in. On failure the state is FAILED and a {@link TokenConnectException} says why.
     */
    void connect();

    void disconnect();

    /** Generates a sensitive, never-extractable AES-256 key object labelled {@code label}. */
    void generateKey(String label);

    boolean hasKey(String label);

    void deleteKey(String label);

    /** AES-GCM in the token; returns the ciphertext followed by the 16-byte tag. */
    byte[] encrypt(String label, byte[] iv, byte[] plaintext, byte[] aad);

    /** AES-GCM in the token; any mismatch throws {@link dev.kmslab.engine.error.InvalidCiphertextException}. */
    byte[] decrypt(String label, byte[] iv, byte[] ciphertextAndTag, byte[] aad);

    byte[] generateRandom(int numberOfBytes);

    /** Text naming the token for messages, e.g. {@code token 'kmslab' in slot 3}; never a PIN. */
    String describe();

    /** True for the in-memory stand-in, so screens and flows can say the token is simulated. */
    default boolean simulated() {
        return false;
    }
}
