package dev.kmslab.engine.crypto.pkcs11;

import dev.kmslab.engine.model.ConnectionErrorCode;
import dev.kmslab.engine.model.ConnectionState;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.SecretKey;

/**
 * A PKCS#11 token used as the backing store of a custom key store, the real {@link HsmToken}: connection state
 * modelled on AWS ({@link ConnectionState}, {@link ConnectionErrorCode}), AES-256 keys generated and kept inside the
 * token as sensitive, never-extractable objects labelled per KMS key version, and AES-GCM and random generation run
 * by the token. Thread-safe: crypto calls run concurrently; connect and disconnect wait for them.
 *
 * <p>State rules follow AWS ConnectCustomKeyStore / DisconnectCustomKeyStore: connect is a no-op when CONNECTED or
 * CONNECTING and is refused when FAILED or DISCONNECTING (disconnect first); disconnect is refused when DISCONNECTED
 * or DISCONNECTING. Key and crypto calls need CONNECTED.
 */
public final class Pkcs11Token implements HsmToken {

    /** AES-GCM IV length the token operations take. */
    public static final int IV_BYTES = TokenAead.IV_BYTES;

    private final Pkcs11Config config;
    private final ConnectionStateMachine<TokenConnection> states = new ConnectionStateMachine<>(this::describe);
    private volatile TokenIdentity lastToken;

    public Pkcs11Token(Pkcs11Config config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public Pkcs11Config config() {
        return config;
    }

    @Override
    public ConnectionState state() {
        return states.state();
    }

    /** Why the last connect failed; present only while {@link #state()} is FAILED. */
    @Override
    public Optional<ConnectionErrorCode> errorCode() {
        return states.errorCode();
    }

    /** The token the last successful connect reached, e.g. {@code token 'kmslab-test' in slot 1234}. */
    @Override
    public String describe() {
        TokenIdentity token = lastToken;
        return token != null ? token.describe() : config.slot().describe() + " of module " + config.library();
    }

    /** Logs in to the token with the configured PIN; on failure the state is FAILED and the exception says why. */
    @Override
    public void connect() {
        states.connect(() -> {
            TokenConnection opened = TokenConnection.open(config);
            lastToken = opened.token();
            return opened;
        });
    }

    /** Logs out and releases the token's sessions; also clears a FAILED state. */
    @Override
    public void disconnect() {
        states.disconnect(TokenConnection::close);
    }

    /** Generates an AES-256 key in the token labelled {@code label} (see {@link Pkcs11KeyLabel}). */
    @Override
    public void generateKey(String label) {
        withConnection("generate a key", c -> {
            c.keys().generate(label);
            return null;
        });
    }

    @Override
    public boolean hasKey(String label) {
        return withConnection("look up a key", c -> c.keys().contains(label));
    }

    /** Labels of the token's AES key objects starting with {@code prefix}, sorted. */
    public List<String> keyLabels(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        return withConnection("list keys", c -> c.keys().labels(prefix));
    }

    /** Destroys the key object; throws {@link TokenKeyNotFoundException} if there is none with that label. */
    @Override
    public void deleteKey(String label) {
        withConnection("delete a key", c -> {
            c.keys().delete(label);
            return null;
        });
    }

    /**
     * AES-GCM encryption inside the token under key {@code label}.
     *
     * @param iv  exactly 12 bytes, never reused with the same key (take them from {@link #generateRandom(int)})
     * @param aad additional authenticated data, may be empty
     * @return the encrypted data followed by the 16-byte tag
     */
    @Override
    public byte[] encrypt(String label, byte[] iv, byte[] plaintext, byte[] aad) {
        checkIv(iv);
        Objects.requireNonNull(plaintext, "plaintext");
        Objects.requireNonNull(aad, "aad");
        return withConnection("encrypt", c -> c.aead().encrypt(c.keys().find(label), iv, plaintext, aad));
    }

    /**
     * AES-GCM decryption inside the token; a wrong key, IV, AAD or altered ciphertext throws
     * {@link dev.kmslab.engine.error.InvalidCiphertextException}.
     */
    @Override
    public byte[] decrypt(String label, byte[] iv, byte[] ciphertext, byte[] aad) {
        checkIv(iv);
        Objects.requireNonNull(ciphertext, "ciphertext");
        Objects.requireNonNull(aad, "aad");
        return withConnection("decrypt", c -> c.aead().decrypt(c.keys().find(label), iv, ciphertext, aad));
    }

    /** {@code numberOfBytes} random bytes from the token's generator (C_GenerateRandom). */
    @Override
    public byte[] generateRandom(int numberOfBytes) {
        if (numberOfBytes < 1) {
            throw new IllegalArgumentException("number of bytes must be >= 1, was " + numberOfBytes);
        }
        return withConnection("generate random bytes", c -> c.generateRandom(numberOfBytes));
    }

    /**
     * A data key of {@code numberOfBytes} random bytes from the token, encrypted in the token with AES-GCM under
     * key {@code label} with a fresh random IV. SunPKCS11 on JDK 17 offers no AES key wrap, hence AES-GCM.
     */
    public TokenDataKey generateDataKey(String label, int numberOfBytes, byte[] aad) {
        Objects.requireNonNull(aad, "aad");
        return withConnection("generate a data key", c -> {
            byte[] plaintext = c.generateRandom(numberOfBytes);
            try {
                byte[] iv = c.generateRandom(IV_BYTES);
                byte[] ciphertext = c.aead().encrypt(c.keys().find(label), iv, plaintext, aad);
                return new TokenDataKey(plaintext, iv, ciphertext);
            } finally {
                Arrays.fill(plaintext, (byte) 0);
            }
        });
    }

    /** The key handle, for tests that check the token withholds the key's encoding. */
    SecretKey keyHandle(String label) {
        return withConnection("read a key", c -> c.keys().find(label));
    }

    private <T> T withConnection(String action, Function<TokenConnection, T> operation) {
        return states.withConnection(action, operation);
    }

    private static void checkIv(byte[] iv) {
        if (iv == null || iv.length != IV_BYTES) {
            throw new IllegalArgumentException("AES-GCM IV must be " + IV_BYTES + " bytes, was "
                    + (iv == null ? "null" : iv.length));
        }
    }

    @Override
    public String toString() {
        return "Pkcs11Token[" + describe() + ", " + states.state() + states.errorCode().map(c -> " " + c).orElse("")
                + "]";
    }
}
