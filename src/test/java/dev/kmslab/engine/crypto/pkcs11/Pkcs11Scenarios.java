package dev.kmslab.engine.crypto.pkcs11;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.AuthProvider;
import java.security.KeyStore;
import java.security.Security;
import java.util.HexFormat;
import javax.crypto.spec.SecretKeySpec;
import javax.security.auth.callback.PasswordCallback;

/**
 * Child-JVM side of the SoftHSM2 tests: runs one scenario against the token named by {@code SOFTHSM2_CONF} and
 * prints {@code R key=value} lines that the test in the parent JVM asserts on. Expected failures are printed as
 * {@code R <step>.error=<exception class>} and {@code R <step>.message=...}; anything unexpected ends the process
 * with a stack trace and a non-zero exit code.
 *
 * <p>Arguments: {@code <scenario> <module path> <selector> [extra...]} with selector {@code label:<token label>},
 * {@code index:<slot list index>} or {@code slot:<slot id>}.
 */
public final class Pkcs11Scenarios {

    static final HexFormat HEX = HexFormat.of();

    /** GCM specification (McGrew and Viega) test case 16: AES-256, 96-bit IV, with AAD. */
    static final String KAT_KEY = "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308";
    static final String KAT_IV = "cafebabefacedbaddecaf888";
    static final String KAT_AAD = "feedfacedeadbeeffeedfacedeadbeefabaddad2";
    static final String KAT_PLAINTEXT = "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
            + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39";
    static final String KAT_CIPHERTEXT = "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
            + "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662" + "76fc6ece0f4e1768cddf8853bb2d551b";
    static final String KAT_LABEL = "kat:gcm-test-case-16";

    private Pkcs11Scenarios() {
    }

    public static void main(String[] args) throws Exception {
        Path module = Path.of(args[1]);
        SlotSelector selector = selector(args[2]);
        switch (args[0]) {
            case "keys": Pkcs11ScenarioSteps.keys(token(module, selector)); break;
            case "crypto": importKatKey(module); Pkcs11ScenarioSteps.crypto(token(module, selector)); break;
            case "datakey": Pkcs11ScenarioSteps.dataKeys(token(module, selector)); break;
            case "states": Pkcs11ScenarioSteps.states(module, selector); break;
            case "persist-write": Pkcs11ScenarioSteps.persistWrite(token(module, selector)); break;
            case "persist-read":
                Pkcs11ScenarioSteps.persistRead(token(module, selector), args[3], args[4]);
                break;
            case "persist-gone": Pkcs11ScenarioSteps.persistGone(token(module, selector)); break;
            case "two-tokens": Pkcs11ScenarioSteps.twoTokens(module, args[3]); break;
            case "connect-failures": Pkcs11ScenarioSteps.connectFailures(module, selector); break;
            default: throw new IllegalArgumentException("unknown scenario " + args[0]);
        }
    }

    static SlotSelector selector(String text) {
        String value = text.substring(text.indexOf(':') + 1);
        if (text.startsWith("label:")) {
            return new SlotSelector.TokenLabel(value);
        }
        if (text.startsWith("index:")) {
            return new SlotSelector.SlotListIndex(Integer.parseInt(value));
        }
        return new SlotSelector.SlotId(Long.parseLong(value));
    }

    static Pkcs11Token token(Path module, SlotSelector selector) {
        return new Pkcs11Token(new Pkcs11Config("kmslab-test", module, selector,
                PinSource.environment(SoftHsmFixture.PIN_VARIABLE)));
    }

    static void put(String key, Object value) {
        System.out.println("R " + key + "=" + String.valueOf(value).replace('\n', ' '));
    }

    static void put(String key, byte[] value) {
        put(key, HEX.formatHex(value));
    }

    /** Runs a step that is expected to fail and records how. */
    static void expectFailure(String step, Runnable action) {
        try {
            action.run();
            put(step + ".error", "none");
        } catch (RuntimeException e) {
            put(step + ".error", e.getClass().getSimpleName());
            put(step + ".message", e.getMessage());
            if (e instanceof TokenConnectException) {
                put(step + ".code", ((TokenConnectException) e).errorCode());
            }
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Imports the known-answer key into the token with a plain SunPKCS11 provider (the lab itself never imports),
     * so that the test can compare the token's AES-GCM output with a published vector.
     */
    private static void importKatKey(Path module) throws Exception {
        String config = "--name = kat\nlibrary = \"" + module + "\"\nslotListIndex = 0\n";
        AuthProvider provider = (AuthProvider) Security.getProvider("SunPKCS11").configure(config);
        char[] pin = SoftHsmFixture.USER_PIN.toCharArray();
        provider.login(null, callbacks -> ((PasswordCallback) callbacks[0]).setPassword(pin));
        KeyStore keyStore = KeyStore.getInstance("PKCS11", provider);
        keyStore.load(null, null);
        keyStore.setEntry(KAT_LABEL,
                new KeyStore.SecretKeyEntry(new SecretKeySpec(HEX.parseHex(KAT_KEY), "AES")), null);
        provider.logout();
    }
}
