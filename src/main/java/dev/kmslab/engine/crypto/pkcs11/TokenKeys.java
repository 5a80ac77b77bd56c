package dev.kmslab.engine.crypto.pkcs11;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.Provider;
import java.security.ProviderException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

/**
 * The AES key objects of one connected token, addressed by {@code CKA_LABEL} through the provider's PKCS11 KeyStore
 * (whose aliases are the labels of private token objects). Handles are cached so that each crypto call does not
 * search the token; the cache dies with the connection. Keys created in the token by another process while this
 * connection is open become visible after a reconnect, because the KeyStore reads the token's objects at load.
 */
final class TokenKeys {

    /** AWS symmetric KMS keys are AES-256. */
    private static final int KEY_BITS = 256;

    private final Provider provider;
    private final KeyStore keyStore;
    private final TokenIdentity token;
    private final Map<String, SecretKey> handles = new ConcurrentHashMap<>();

    TokenKeys(Provider provider, KeyStore keyStore, TokenIdentity token) {
        this.provider = provider;
        this.keyStore = keyStore;
        this.token = token;
    }

    /**
     * Generates an AES-256 key inside the token and stores it as a private token object labelled {@code label}.
     * The generation attributes make it sensitive and never extractable; storing copies it into the token.
     */
    void generate(String label) {
        requireLabel(label);
        try {
            if (keyStore.containsAlias(label)) {
                throw new TokenOperationException("A key labelled '" + label + "' already exists in "
                        + token.describe());
            }
            KeyGenerator generator = KeyGenerator.getInstance("AES", provider);
            generator.init(KEY_BITS);
            SecretKey sessionKey = generator.generateKey();
            keyStore.setEntry(label, new KeyStore.SecretKeyEntry(sessionKey), null);
            handles.put(label, load(label));
        } catch (GeneralSecurityException | ProviderException e) {
            throw new TokenOperationException("Generating key '" + label + "' in " + token.describe() + " failed",
                    e);
        }
    }

    /** The key handle (never its material: the token will not reveal it). */
    SecretKey find(String label) {
        requireLabel(label);
        SecretKey cached = handles.get(label);
        if (cached != null) {
            return cached;
        }
        try {
            SecretKey key = load(label);
            handles.put(label, key);
            return key;
        } catch (GeneralSecurityException | ProviderException e) {
            throw new TokenOperationException("Reading key '" + label + "' from " + token.describe() + " failed",
                    e);
        }
    }

    boolean contains(String label) {
        requireLabel(label);
        try {
            return keyStore.containsAlias(label) && keyStore.isKeyEntry(label);
        } catch (GeneralSecurityException | ProviderException e) {
            throw new TokenOperationException("Listing keys of " + token.describe() + " failed", e);
        }
    }

    /** Labels of the token's secret key objects that start with {@code prefix}, sorted. */
    List<String> labels(String prefix) {
        try {
            List<String> labels = new ArrayList<>();
            for (String alias : Collections.list(keyStore.aliases())) {
                if (alias.startsWith(prefix) && keyStore.entryInstanceOf(alias, KeyStore.SecretKeyEntry.class)) {
                    labels.add(alias);
                }
            }
            Collections.sort(labels);
            return labels;
        } catch (GeneralSecurityException | ProviderException e) {
            throw new TokenOperationException("Listing keys of " + token.describe() + " failed", e);
        }
    }

    /** Destroys the key object in the token; data encrypted under it can no longer be decrypted. */
    void delete(String label) {
        if (!contains(label)) {
            throw new TokenKeyNotFoundException(label, token.describe());
        }
        handles.remove(label);
        try {
            keyStore.deleteEntry(label);
        } catch (GeneralSecurityException | ProviderException e) {
            throw new TokenOperationException("Deleting key '" + label + "' from " + token.describe() + " failed",
                    e);
        }
    }

    void forget() {
        handles.clear();
    }

    private SecretKey load(String label) throws GeneralSecurityException {
        Key key = keyStore.getKey(label, null);
        if (!(key instanceof SecretKey)) {
            throw new TokenKeyNotFoundException(label, token.describe());
        }
        return (SecretKey) key;
    }

    private static void requireLabel(String label) {
        if (label == null || label.isEmpty()) {
            throw new IllegalArgumentException("key label must not be empty");
        }
    }
}
