package dev.kmslab.engine.cks;

import dev.kmslab.engine.crypto.AesGcm;
import dev.kmslab.engine.crypto.KeyMaterial;
import dev.kmslab.engine.model.ConnectionErrorCode;
import dev.kmslab.engine.model.ConnectionState;
import dev.kmslab.engine.crypto.pkcs11.PinSource;
import dev.kmslab.engine.crypto.pkcs11.TokenConnectException;
import dev.kmslab.engine.crypto.pkcs11.TokenKeyNotFoundException;
import dev.kmslab.engine.crypto.pkcs11.TokenNotConnectedException;
import dev.kmslab.engine.crypto.pkcs11.TokenOperationException;
import dev.kmslab.engine.crypto.pkcs11.TokenStateException;
import java.util.Arrays;
import java.util.Optional;

/** A connection to one simulated device of a {@link FakeHsm}; follows the state rules of {@link HsmToken}. */
final class FakeHsmToken implements HsmToken {

    private final FakeHsm hsm;
    private final FakeHsm.Device device;
    private final TokenSettings settings;
    private final PinSource pin;
    private ConnectionState state = ConnectionState.DISCONNECTED;
    private ConnectionErrorCode errorCode;

    FakeHsmToken(FakeHsm hsm, FakeHsm.Device device, TokenSettings settings, PinSource pin) {
        this.hsm = hsm;
        this.device = device;
        this.settings = settings;
        this.pin = pin;
    }

    @Override
    public synchronized ConnectionState state() {
        return state;
    }

    @Override
    public synchronized Optional<ConnectionErrorCode> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    @Override
    public synchronized void connect() {
        if (state == ConnectionState.CONNECTED) {
            return;
        }
        if (state == ConnectionState.FAILED) {
            throw new TokenStateException("Cannot connect " + describe() + " while it is FAILED; disconnect it first",
                    state);
        }
        char[] given = pin.obtain();
        try {
            if (given == null || !hsm.pinMatches(given)) {
                state = ConnectionState.FAILED;
                errorCode = ConnectionErrorCode.INVALID_CREDENTIALS;
                throw new TokenConnectException("The PIN was rejected by " + describe() + " (CKR_PIN_INCORRECT)",
                        errorCode, null);
            }
        } finally {
            if (given != null) {
                Arrays.fill(given, '\0');
            }
        }
        state = ConnectionState.CONNECTED;
    }

    @Override
    public synchronized void disconnect() {
        if (state == ConnectionState.DISCONNECTED) {
            throw new TokenStateException(describe() + " is already DISCONNECTED", state);
        }
        state = ConnectionState.DISCONNECTED;
        errorCode = null;
    }

    @Override
    public void generateKey(String label) {
        requireConnected("generate a key");
        synchronized (device) {
            if (device.keys.containsKey(label)) {
                throw new TokenOperationException("A key labelled '" + label + "' already exists in " + describe());
            }
            device.keys.put(label, KeyMaterial.generate(hsm.random()));
        }
    }

    @Override
    public boolean hasKey(String label) {
        requireConnected("look up a key");
        synchronized (device) {
            return device.keys.containsKey(label);
        }
    }

    @Override
    public void deleteKey(String label) {
        requireConnected("delete a key");
        synchronized (device) {
            KeyMaterial removed = device.keys.remove(label);
            if (removed == null) {
                throw new TokenKeyNotFoundException(label, describe());
            }
            removed.destroy();
        }
    }

    @Override
    public byte[] encrypt(String label, byte[] iv, byte[] plaintext, byte[] aad) {
        return AesGcm.encrypt(key(label, "encrypt"), iv, aad, plaintext);
    }

    @Override
    public byte[] decrypt(String label, byte[] iv, byte[] ciphertextAndTag, byte[] aad) {
        return AesGcm.decrypt(key(label, "decrypt"), iv, aad, ciphertextAndTag);
    }

    @Override
    public byte[] generateRandom(int numberOfBytes) {
        requireConnected("generate random bytes");
        return hsm.random().bytes(numberOfBytes);
    }

    @Override
    public String describe() {
        return "simulated token at " + settings.describe();
    }

    @Override
    public boolean simulated() {
        return true;
    }

    private KeyMaterial key(String label, String action) {
        requireConnected(action);
        synchronized (device) {
            KeyMaterial key = device.keys.get(label);
            if (key == null) {
                throw new TokenKeyNotFoundException(label, describe());
            }
            return key;
        }
    }

    private void requireConnected(String action) {
        ConnectionState now = state();
        if (now != ConnectionState.CONNECTED) {
            throw new TokenNotConnectedException("Cannot " + action + ": " + describe() + " is " + now, now);
        }
    }

    @Override
    public String toString() {
        return "FakeHsmToken[" + describe() + ", " + state() + "]";
    }
}
