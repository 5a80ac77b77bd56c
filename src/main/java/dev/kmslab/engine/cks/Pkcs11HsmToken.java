package dev.kmslab.engine.cks;

import dev.kmslab.engine.model.ConnectionErrorCode;
import dev.kmslab.engine.model.ConnectionState;
import dev.kmslab.engine.crypto.pkcs11.PinSource;
import dev.kmslab.engine.crypto.pkcs11.Pkcs11Config;
import dev.kmslab.engine.crypto.pkcs11.Pkcs11Token;
import java.util.Optional;

/** A custom key store backed by a real PKCS#11 token: a thin adapter over {@link Pkcs11Token}. */
public final class Pkcs11HsmToken implements HsmToken {

    private final Pkcs11Token token;

    public Pkcs11HsmToken(Pkcs11Token token) {
        this.token = token;
    }

    /** The SunPKCS11 provider is named after the store id, so each store gets its own provider instance. */
    static HsmToken create(String storeId, TokenSettings settings, PinSource pin) {
        return new Pkcs11HsmToken(new Pkcs11Token(new Pkcs11Config(storeId, settings.library(), settings.slot(),
                pin)));
    }

    @Override
    public ConnectionState state() {
        return token.state();
    }

    @Override
    public Optional<ConnectionErrorCode> errorCode() {
        return token.errorCode();
    }

    @Override
    public void connect() {
        token.connect();
    }

    @Override
    public void disconnect() {
        token.disconnect();
    }

    @Override
    public void generateKey(String label) {
        token.generateKey(label);
    }

    @Override
    public boolean hasKey(String label) {
        return token.hasKey(label);
    }

    @Override
    public void deleteKey(String label) {
        token.deleteKey(label);
    }

    @Override
    public byte[] encrypt(String label, byte[] iv, byte[] plaintext, byte[] aad) {
        return token.encrypt(label, iv, plaintext, aad);
    }

    @Override
    public byte[] decrypt(String label, byte[] iv, byte[] ciphertextAndTag, byte[] aad) {
        return token.decrypt(label, iv, ciphertextAndTag, aad);
    }

    @Override
    public byte[] generateRandom(int numberOfBytes) {
        return token.generateRandom(numberOfBytes);
    }

    @Override
    public String describe() {
        return token.describe();
    }

    @Override
    public String toString() {
        return token.toString();
    }
}
