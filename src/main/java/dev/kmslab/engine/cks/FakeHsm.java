package dev.kmslab.engine.cks;

import dev.kmslab.engine.crypto.CryptoRandom;
import dev.kmslab.engine.crypto.pkcs11.HsmToken;
import dev.kmslab.engine.crypto.pkcs11.PinSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An in-memory stand-in for a hardware token, for tests and for a Key Lab on a machine without SoftHSM2. It keeps
 * the same promises as the real backend as far as the engine can see: keys are generated inside, have no export
 * method, and are used only by label; a wrong PIN fails the connect with INVALID_CREDENTIALS. It protects nothing
 * (the keys are ordinary heap memory), which is why tokens it makes report {@link HsmToken#simulated()}.
 *
 * <p>One {@code FakeHsm} holds one simulated device per {@link TokenSettings}, so an engine restarted with the same
 * {@code FakeHsm} finds its key objects again by label, as it would on a real token.
 */
public final class FakeHsm implements TokenFactory {

    /** The user PIN of the Key Lab's simulated devices, shown in the lab next to the word "simulated". */
    public static final String DEMO_PIN = "1234";

    private final String userPin;
    private final CryptoRandom random = CryptoRandom.create();
    private final Map<TokenSettings, FakeHsmDevice> devices = new HashMap<>();

    /** @param userPin the PIN every simulated device accepts */
    public FakeHsm(String userPin) {
        this.userPin = Objects.requireNonNull(userPin, "userPin");
    }

    @Override
    public HsmToken create(String storeId, TokenSettings settings, PinSource pin) {
        return new FakeHsmToken(device(settings), settings, pin);
    }

    /** The simulated devices need no module library on disk. */
    @Override
    public boolean moduleExists(TokenSettings settings) {
        return true;
    }

    @Override
    public boolean simulates(TokenSettings settings) {
        return true;
    }

    synchronized FakeHsmDevice device(TokenSettings settings) {
        return devices.computeIfAbsent(settings, s -> new FakeHsmDevice(userPin.toCharArray(), random));
    }

    /** Labels of the key objects on the simulated device for {@code settings}, sorted; for tests and the UI. */
    public synchronized java.util.List<String> labels(TokenSettings settings) {
        return device(settings).labels();
    }

    @Override
    public String toString() {
        return "FakeHsm[" + devices.size() + " simulated devices]";
    }
}
