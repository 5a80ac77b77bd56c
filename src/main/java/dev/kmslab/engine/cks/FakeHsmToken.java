package dev.kmslab.engine.cks;

import dev.kmslab.engine.crypto.AesGcm;
import dev.kmslab.engine.crypto.AesKeyMaterial;
import dev.kmslab.engine.crypto.pkcs11.ConnectionStateMachine;
import dev.kmslab.engine.crypto.pkcs11.HsmToken;
import dev.kmslab.engine.crypto.pkcs11.PinSource;
import dev.kmslab.engine.crypto.pkcs11.TokenConnectException;
import dev.kmslab.engine.crypto.pkcs11.TokenKeyNotFoundException;
import dev.kmslab.engine.crypto.pkcs11.TokenOperationException;
import dev.kmslab.engine.model.ConnectionErrorCode;
import dev.kmslab.engine.model.ConnectionState;
import java.util.Arrays;
import java.util.Optional;

/**
 * A connection to one simulated device of a {@code FakeHsm}. It runs on the same {@link ConnectionStateMachine} as
 * the real {@code Pkcs11Token}, so both follow the state rules of {@link HsmToken} in the same way.
 */
final class FakeHsmToken implements HsmToken {

    private final FakeHsmDevice device;
    private final TokenSettings settings;
    private final PinSource pin;
    private final ConnectionStateMachine<FakeHsmDevice> states = new ConnectionStateMachine<>(this::describe);

    FakeHsmToken(FakeHsmDevice device, TokenSettings settings, PinSource pin) {
        this.device = device;
        this.settings = settings;
        this.pin = pin;
    }

    @Override
    public ConnectionState state() {
        return states.state();
    }

    @Override
    public Optional<ConnectionErrorCode> errorCode() {
        return states.errorCode();
    }

    @Override
    public void connect() {
        states.connect(() -> {
            char[] given = pin.obtain();
            try {
                if (given == null || !device.pinMatches(given)) {
                    throw new TokenConnectException("The PIN was rejected by " + describe() + " (CKR_PIN_INCORRECT)",
                            ConnectionErrorCode.INVALID_CREDENTIALS, null);
                }
            } finally {
                if (given != null) {
                    Arrays.fill(given, '\0');
                }
            }
            return device;
        });
    }

    @Override
    public void disconnect() {
        states.disconnect(d -> { });
    }

    @Override
    public void generateKey(String label) {
        states.withConnection("generate a key", d -> {
            synchronized (d) {
                if (d.keys.containsKey(label)) {
                    throw new TokenOperationException("A key labelled '" + label + "' already exists in "
                            + describe());
                }
                d.keys.put(label, AesKeyMaterial.generate(d.random()));
                return null;
            }
        });
    }

    @Override
    public boolean hasKey(String label) {
        return states.withConnection("look up a key", d -> {
            synchronized (d) {
                return d.keys.containsKey(label);
            }
        });
    }

    @Override
    public void deleteKey(String label) {
        states.withConnection("delete a key", d -> {
            synchronized (d) {
                AesKeyMaterial removed = d.keys.remove(label);
                if (removed == null) {
                    throw new TokenKeyNotFoundException(label, describe());
                }
                removed.destroy();
                return null;
            }
        });
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
        return states.withConnection("generate random bytes", d -> d.random().bytes(numberOfBytes));
    }

    @Override
    public String describe() {
        return "simulated token at " + settings.describe();
    }

    @Override
    public boolean simulated() {
        return true;
    }

    private AesKeyMaterial key(String label, String action) {
        return states.withConnection(action, d -> {
            synchronized (d) {
                AesKeyMaterial key = d.keys.get(label);
                if (key == null) {
                    throw new TokenKeyNotFoundException(label, describe());
                }
                return key;
            }
        });
    }

    @Override
    public String toString() {
        return "FakeHsmToken[" + describe() + ", " + state() + "]";
    }
}
