package dev.kmslab.engine.crypto.pkcs11;

import static dev.kmslab.engine.crypto.pkcs11.Pkcs11Scenarios.HEX;
import static dev.kmslab.engine.crypto.pkcs11.Pkcs11Scenarios.expectFailure;
import static dev.kmslab.engine.crypto.pkcs11.Pkcs11Scenarios.put;
import static dev.kmslab.engine.crypto.pkcs11.Pkcs11Scenarios.utf8;

import java.nio.file.Path;
import java.util.Arrays;
import javax.crypto.SecretKey;

/** The scenarios {@link Pkcs11Scenarios} runs in the child JVM; each prints what the parent test checks. */
final class Pkcs11ScenarioSteps {

    static final String KEY_1 = new Pkcs11KeyLabel("1234abcd-12ab-34cd-56ef-1234567890ab", 1).text();
    static final String KEY_2 = new Pkcs11KeyLabel("1234abcd-12ab-34cd-56ef-1234567890ab", 2).text();
    static final String PERSIST_KEY = new Pkcs11KeyLabel("persist", 1).text();
    static final byte[] AAD = utf8("{\"purpose\":\"test\"}");

    private Pkcs11ScenarioSteps() {
    }

    static void keys(Pkcs11Token token) {
        token.connect();
        put("token", token.describe());
        token.generateKey(KEY_1);
        token.generateKey(KEY_2);
        SecretKey handle = token.keyHandle(KEY_1);
        put("encodedNull", handle.getEncoded() == null);
        put("format", handle.getFormat());
        put("algorithm", handle.getAlgorithm());
        put("handle", handle);
        put("hasKey1", token.hasKey(KEY_1));
        put("hasMissing", token.hasKey(new Pkcs11KeyLabel("missing", 1).text()));
        put("labels", String.join(",", token.keyLabels(Pkcs11KeyLabel.PREFIX)));
        expectFailure("duplicate", () -> token.generateKey(KEY_1));
        token.deleteKey(KEY_2);
        put("labelsAfterDelete", String.join(",", token.keyLabels(Pkcs11KeyLabel.PREFIX)));
        expectFailure("deleteMissing", () -> token.deleteKey(KEY_2));
        expectFailure("useDeleted", () -> token.encrypt(KEY_2, new byte[12], new byte[1], new byte[0]));
        token.disconnect();
    }

    static void crypto(Pkcs11Token token) {
        token.connect();
        byte[] kat = token.encrypt(Pkcs11Scenarios.KAT_LABEL, HEX.parseHex(Pkcs11Scenarios.KAT_IV),
                HEX.parseHex(Pkcs11Scenarios.KAT_PLAINTEXT), HEX.parseHex(Pkcs11Scenarios.KAT_AAD));
        put("kat.ciphertext", kat);
        put("kat.plaintext", token.decrypt(Pkcs11Scenarios.KAT_LABEL, HEX.parseHex(Pkcs11Scenarios.KAT_IV),
                HEX.parseHex(Pkcs11Scenarios.KAT_CIPHERTEXT), HEX.parseHex(Pkcs11Scenarios.KAT_AAD)));

        token.generateKey(KEY_1);
        byte[] iv = token.generateRandom(Pkcs11Token.IV_BYTES);
        byte[] plaintext = utf8("attack at dawn");
        byte[] ciphertext = token.encrypt(KEY_1, iv, plaintext, AAD);
        put("plaintextLength", plaintext.length);
        put("ciphertextLength", ciphertext.length);
        put("roundTrip", new String(token.decrypt(KEY_1, iv, ciphertext, AAD)));
        put("sameIvSameCiphertext", Arrays.equals(ciphertext, token.encrypt(KEY_1, iv, plaintext, AAD)));
        byte[] otherIv = iv.clone();
        otherIv[0] ^= 1;
        put("otherIvOtherCiphertext", !Arrays.equals(ciphertext, token.encrypt(KEY_1, otherIv, plaintext, AAD)));

        byte[] empty = token.encrypt(KEY_1, iv, new byte[0], new byte[0]);
        put("emptyCiphertextLength", empty.length);
        put("emptyRoundTripLength", token.decrypt(KEY_1, iv, empty, new byte[0]).length);
        byte[] large = new byte[1024 * 64];
        Arrays.fill(large, (byte) 7);
        put("largeRoundTrip", Arrays.equals(large, token.decrypt(KEY_1, iv, token.encrypt(KEY_1, iv, large, AAD),
                AAD)));

        byte[] flipped = ciphertext.clone();
        flipped[0] ^= 1;
        expectFailure("flippedByte", () -> token.decrypt(KEY_1, iv, flipped, AAD));
        byte[] flippedTag = ciphertext.clone();
        flippedTag[flippedTag.length - 1] ^= 1;
        expectFailure("flippedTag", () -> token.decrypt(KEY_1, iv, flippedTag, AAD));
        expectFailure("wrongAad", () -> token.decrypt(KEY_1, iv, ciphertext, utf8("{\"purpose\":\"other\"}")));
        expectFailure("missingAad", () -> token.decrypt(KEY_1, iv, ciphertext, new byte[0]));
        expectFailure("wrongIv", () -> token.decrypt(KEY_1, otherIv, ciphertext, AAD));
        expectFailure("truncated", () -> token.decrypt(KEY_1, iv, Arrays.copyOf(ciphertext, 15), AAD));
        expectFailure("tagCut", () -> token.decrypt(KEY_1, iv, Arrays.copyOf(ciphertext, ciphertext.length - 1),
                AAD));
        token.generateKey(KEY_2);
        expectFailure("wrongKey", () -> token.decrypt(KEY_2, iv, ciphertext, AAD));
        expectFailure("unknownKey", () -> token.encrypt("kmslab:nope:1", iv, plaintext, AAD));
        expectFailure("shortIv", () -> token.encrypt(KEY_1, new byte[11], plaintext, AAD));
        // A failed decrypt must not leave the token's session in a broken state.
        put("roundTripAfterFailures", new String(token.decrypt(KEY_1, iv, ciphertext, AAD)));
        token.disconnect();
    }

    static void dataKeys(Pkcs11Token token) {
        token.connect();
        token.generateKey(KEY_1);
        TokenDataKey first = token.generateDataKey(KEY_1, 32, AAD);
        TokenDataKey second = token.generateDataKey(KEY_1, 32, AAD);
        put("plaintextLength", first.plaintext().length);
        put("ivLength", first.iv().length);
        put("ciphertextLength", first.ciphertext().length);
        put("decryptsToPlaintext", Arrays.equals(first.plaintext(),
                token.decrypt(KEY_1, first.iv(), first.ciphertext(), AAD)));
        put("distinctPlaintexts", !Arrays.equals(first.plaintext(), second.plaintext()));
        put("distinctIvs", !Arrays.equals(first.iv(), second.iv()));
        put("toStringHidesPlaintext", !first.toString().contains(HEX.formatHex(first.plaintext())));
        expectFailure("wrongAad", () -> token.decrypt(KEY_1, first.iv(), first.ciphertext(), new byte[0]));
        first.destroyPlaintext();
        put("destroyedPlaintextZero", Arrays.equals(first.plaintext(), new byte[32]));
        put("random1Length", token.generateRandom(1).length);
        put("random1024Length", token.generateRandom(1024).length);
        put("randomDistinct", !Arrays.equals(token.generateRandom(32), token.generateRandom(32)));
        expectFailure("randomZero", () -> token.generateRandom(0));
        token.disconnect();
    }

    static void states(Path module, SlotSelector selector) {
        Pkcs11Token token = Pkcs11Scenarios.token(module, selector);
        put("initial", token.state());
        expectFailure("encryptBeforeConnect", () -> token.encrypt(KEY_1, new byte[12], new byte[1], new byte[0]));
        expectFailure("disconnectWhileDisconnected", token::disconnect);
        token.connect();
        put("afterConnect", token.state());
        token.connect();
        put("afterSecondConnect", token.state());
        token.generateKey(KEY_1);
        byte[] iv = token.generateRandom(12);
        byte[] ciphertext = token.encrypt(KEY_1, iv, utf8("kept"), AAD);

        Pkcs11Token rival = Pkcs11Scenarios.token(module, selector);
        expectFailure("rivalConnect", rival::connect);
        put("rivalState", rival.state());
        put("rivalErrorCode", rival.errorCode().map(Enum::name).orElse("none"));
        expectFailure("rivalConnectWhileFailed", rival::connect);
        rival.disconnect();
        put("rivalAfterDisconnect", rival.state());
        put("rivalErrorCodeAfterDisconnect", rival.errorCode().map(Enum::name).orElse("none"));
        put("firstStillWorks", new String(token.decrypt(KEY_1, iv, ciphertext, AAD)));

        token.disconnect();
        put("afterDisconnect", token.state());
        expectFailure("encryptWhileDisconnected", () -> token.encrypt(KEY_1, iv, utf8("x"), AAD));
        expectFailure("decryptWhileDisconnected", () -> token.decrypt(KEY_1, iv, ciphertext, AAD));
        expectFailure("randomWhileDisconnected", () -> token.generateRandom(8));
        expectFailure("generateWhileDisconnected", () -> token.generateKey(KEY_2));

        // Reconnecting configures a new provider instance, which must find the key by label.
        token.connect();
        put("afterReconnect", new String(token.decrypt(KEY_1, iv, ciphertext, AAD)));
        token.disconnect();
        rival.connect();
        put("rivalAfterFirstLeft", rival.state());
        rival.disconnect();
    }

    static void persistWrite(Pkcs11Token token) {
        token.connect();
        token.generateKey(PERSIST_KEY);
        byte[] iv = token.generateRandom(12);
        put("token", token.describe());
        put("iv", iv);
        put("ciphertext", token.encrypt(PERSIST_KEY, iv, utf8("survives a restart"), AAD));
        token.disconnect();
    }

    static void persistRead(Pkcs11Token token, String ivHex, String ciphertextHex) {
        token.connect();
        put("labels", String.join(",", token.keyLabels(Pkcs11KeyLabel.PREFIX)));
        put("plaintext", new String(token.decrypt(PERSIST_KEY, HEX.parseHex(ivHex), HEX.parseHex(ciphertextHex),
                AAD)));
        token.deleteKey(PERSIST_KEY);
        put("hasKeyAfterDelete", token.hasKey(PERSIST_KEY));
        token.disconnect();
    }

    static void persistGone(Pkcs11Token token) {
        token.connect();
        put("hasKey", token.hasKey(PERSIST_KEY));
        expectFailure("decrypt", () -> token.decrypt(PERSIST_KEY, new byte[12], new byte[16], AAD));
        token.disconnect();
    }

    static void twoTokens(Path module, String secondLabel) {
        Pkcs11Token first = Pkcs11Scenarios.token(module, new SlotSelector.TokenLabel(SoftHsmFixture.TOKEN_LABEL));
        Pkcs11Token second = Pkcs11Scenarios.token(module, new SlotSelector.TokenLabel(secondLabel));
        first.connect();
        second.connect();
        put("first", first.describe());
        put("second", second.describe());
        first.generateKey(KEY_1);
        put("firstHasKey", first.hasKey(KEY_1));
        put("secondHasKey", second.hasKey(KEY_1));
        second.disconnect();
        first.disconnect();
    }

    static void connectFailures(Path module, SlotSelector selector) {
        Pkcs11Token wrongPin = new Pkcs11Token(new Pkcs11Config("kmslab-test", module, selector,
                PinSource.environment("KMSLAB_WRONG_PIN")));
        expectFailure("wrongPin", wrongPin::connect);
        put("wrongPin.state", wrongPin.state());
        put("wrongPin.errorCode", wrongPin.errorCode().map(Enum::name).orElse("none"));
        wrongPin.disconnect();

        Pkcs11Token noPin = new Pkcs11Token(new Pkcs11Config("kmslab-test", module, selector,
                PinSource.environment("KMSLAB_UNSET_PIN_VARIABLE")));
        expectFailure("noPin", noPin::connect);

        Pkcs11Token noToken = new Pkcs11Token(new Pkcs11Config("kmslab-test", module,
                new SlotSelector.TokenLabel("no-such-token"), PinSource.environment(SoftHsmFixture.PIN_VARIABLE)));
        expectFailure("noToken", noToken::connect);
        Pkcs11Token noSlot = new Pkcs11Token(new Pkcs11Config("kmslab-test", module,
                new SlotSelector.SlotId(987654321L), PinSource.environment(SoftHsmFixture.PIN_VARIABLE)));
        expectFailure("noSlot", noSlot::connect);
        Pkcs11Token pastLastSlot = new Pkcs11Token(new Pkcs11Config("kmslab-test", module,
                new SlotSelector.SlotListIndex(40), PinSource.environment(SoftHsmFixture.PIN_VARIABLE)));
        expectFailure("pastLastSlot", pastLastSlot::connect);

        char[] typed = SoftHsmFixture.USER_PIN.toCharArray();
        Pkcs11Token prompted = new Pkcs11Token(new Pkcs11Config("kmslab-test", module, selector,
                PinSource.prompt(() -> typed)));
        prompted.connect();
        put("prompted.state", prompted.state());
        put("prompted.pinZeroed", Arrays.equals(typed, new char[typed.length]));
        prompted.disconnect();
    }
}
