package dev.kmslab.engine.crypto.pkcs11;

import dev.kmslab.engine.model.ConnectionErrorCode;
import java.io.IOException;
import java.security.AuthProvider;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.ProviderException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginException;

/**
 * One logged-in session with a token: the configured provider, the token's key store and its random generator.
 * Opened by {@link Pkcs11Token#connect()}, closed by its disconnect; not used after closing.
 */
final class TokenConnection {

    private final AuthProvider provider;
    private final TokenIdentity token;
    private final String claim;
    private final TokenKeys keys;
    private final TokenAead aead;
    private final SecureRandom random;

    private TokenConnection(AuthProvider provider, TokenIdentity token, String claim, KeyStore keyStore,
            SecureRandom random) {
        this.provider = provider;
        this.token = token;
        this.claim = claim;
        this.keys = new TokenKeys(provider, keyStore, token);
        this.aead = new TokenAead(provider, token);
        this.random = random;
    }

    /** Configures the provider, logs in with the PIN and opens the key store. */
    static TokenConnection open(Pkcs11Config config) {
        TokenProbe.Configured configured = TokenProbe.configure(config);
        TokenIdentity token = configured.token();
        String claim = config.library().toAbsolutePath().normalize() + "#"
                + (token.slotId() >= 0 ? Long.toString(token.slotId()) : config.slot().describe());
        if (!LoggedInTokens.claim(claim)) {
            throw new TokenConnectException("Another connection in this process is already logged in to "
                    + token.describe(), ConnectionErrorCode.USER_LOGGED_IN, null);
        }
        AuthProvider provider = configured.provider();
        try {
            login(provider, config.pin(), token);
            KeyStore keyStore = KeyStore.getInstance("PKCS11", provider);
            keyStore.load(null, null);
            SecureRandom random = SecureRandom.getInstance("PKCS11", provider);
            return new TokenConnection(provider, token, claim, keyStore, random);
        } catch (GeneralSecurityException | IOException | ProviderException e) {
            release(provider, claim);
            String ckr = ReturnValues.find(e).orElse(e.getClass().getSimpleName());
            throw new TokenConnectException("Cannot open the key store of " + token.describe() + ": " + ckr,
                    ConnectionErrorCode.forReturnValue(ckr), e);
        } catch (TokenConnectException e) {
            release(provider, claim);
            throw e;
        }
    }

    private static void login(AuthProvider provider, PinSource source, TokenIdentity token) {
        char[] pin = source.obtain();
        if (pin == null) {
            throw new TokenConnectException("No PIN for " + token.describe() + " is available from "
                    + source.describe(), ConnectionErrorCode.INVALID_CREDENTIALS, null);
        }
        try {
            provider.login(null, callbacks -> {
                for (Callback callback : callbacks) {
                    if (!(callback instanceof PasswordCallback)) {
                        throw new UnsupportedCallbackException(callback);
                    }
                    ((PasswordCallback) callback).setPassword(pin); // the callback keeps its own copy
                }
            });
        } catch (LoginException e) {
            Optional<String> ckr = ReturnValues.find(e);
            ConnectionErrorCode code = ckr.map(ConnectionErrorCode::forReturnValue)
                    .orElse(ConnectionErrorCode.INTERNAL_ERROR);
            String reason = ckr.orElse(e.getClass().getSimpleName());
            String message = code == ConnectionErrorCode.INVALID_CREDENTIALS
                    ? "The PIN was rejected by " + token.describe() + " (" + reason + ")"
                    : "Login to " + token.describe() + " failed (" + reason + ")";
            throw new TokenConnectException(message, code, e);
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    /**
     * Logs out; with {@code destroyTokenAfterLogout} this also releases the provider's sessions. Only called by the
     * owner of the login claim, so the logout cannot end another connection's login.
     */
    private static void release(AuthProvider provider, String claim) {
        try {
            provider.logout();
        } catch (LoginException e) {
            // The token may already be gone; the provider is dropped either way.
        } finally {
            LoggedInTokens.release(claim);
        }
    }

    /** Logs out and releases the token; throws if the logout failed (the connection is released regardless). */
    void close() {
        keys.forget();
        try {
            provider.logout();
        } catch (LoginException e) {
            throw new TokenOperationException("Logout from " + token.describe() + " failed", e);
        } finally {
            LoggedInTokens.release(claim);
        }
    }

    TokenIdentity token() {
        return token;
    }

    TokenKeys keys() {
        return keys;
    }

    TokenAead aead() {
        return aead;
    }

    byte[] generateRandom(int numberOfBytes) {
        byte[] bytes = new byte[numberOfBytes];
        try {
            random.nextBytes(bytes);
        } catch (ProviderException e) {
            throw new TokenOperationException("Random generation in " + token.describe() + " failed", e);
        }
        return bytes;
    }
}
