package dev.kmslab.engine.crypto.pkcs11;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@link Pkcs11Token} against a real SoftHSM2 token initialised in a temporary directory for each test. The
 * token is used from a child JVM (see {@link ChildJvm}); this class checks what the child reports and inspects the
 * token's objects with OpenSC's pkcs11-tool.
 */
class SoftHsmPkcs11TokenTest {

    private static final String BY_LABEL = "label:" + SoftHsmFixture.TOKEN_LABEL;

    @TempDir
    Path directory;

    private SoftHsmFixture.SoftHsm hsm;

    @BeforeEach
    void initToken() {
        SoftHsmFixture.assumeAvailable();
        hsm = SoftHsmFixture.initToken(directory);
    }

    @Test
    void generatedKey_isSensitiveNeverExtractableTokenObject_labelledPerVersion() {
        Map<String, String> r = scenario("keys", BY_LABEL);

        assertThat(r.get("token")).startsWith("token 'kmslab-test' in slot ");
        assertThat(r.get("encodedNull")).isEqualTo("true");
        assertThat(r.get("algorithm")).isEqualTo("AES");
        assertThat(r.get("handle")).contains("token object", "sensitive", "unextractable")
                .doesNotContain("not sensitive");
        assertThat(r.get("hasKey1")).isEqualTo("true");
        assertThat(r.get("hasMissing")).isEqualTo("false");
        assertThat(r.get("labels")).isEqualTo(Pkcs11ScenarioSteps.KEY_1 + "," + Pkcs11ScenarioSteps.KEY_2);
        assertThat(r.get("duplicate.error")).isEqualTo("TokenOperationException");
        assertThat(r.get("duplicate.message")).contains("already exists", Pkcs11ScenarioSteps.KEY_1);
        assertThat(r.get("labelsAfterDelete")).isEqualTo(Pkcs11ScenarioSteps.KEY_1);
        assertThat(r.get("deleteMissing.error")).isEqualTo("TokenKeyNotFoundException");
        assertThat(r.get("useDeleted.error")).isEqualTo("TokenKeyNotFoundException");
    }

    @Test
    void tokenAttributes_sayAlwaysSensitiveNeverExtractable_andValueCannotBeRead() {
        scenario("keys", BY_LABEL);
        SoftHsmFixture.assumePkcs11Tool();

        Pkcs11ToolListing listing = Pkcs11ToolListing.parse(hsm.pkcs11Tool("--list-objects", "--type", "secrkey"));
        Pkcs11ToolListing.SecretKeyObject key = listing.find(Pkcs11ScenarioSteps.KEY_1).orElseThrow();

        assertThat(key.type()).isEqualTo("AES length 32");
        assertThat(key.access()).contains("sensitive", "always sensitive", "never extractable", "local")
                .doesNotContain("extractable");
        assertThat(key.usage()).containsExactlyInAnyOrder("encrypt", "decrypt");
        assertThat(listing.labels()).containsExactly(Pkcs11ScenarioSteps.KEY_1);
        assertThatThrownBy(() -> hsm.pkcs11Tool("--read-object", "--type", "secrkey", "--label",
                Pkcs11ScenarioSteps.KEY_1)).hasMessageContaining("CKR_ATTRIBUTE_SENSITIVE");
    }

    @Test
    void aesGcmInToken_matchesPublishedVector_roundTrips_andRejectsTampering() {
        Map<String, String> r = scenario("crypto", BY_LABEL);

        assertThat(r.get("kat.ciphertext")).isEqualTo(Pkcs11Scenarios.KAT_CIPHERTEXT);
        assertThat(r.get("kat.plaintext")).isEqualTo(Pkcs11Scenarios.KAT_PLAINTEXT);
        assertThat(r.get("roundTrip")).isEqualTo("attack at dawn");
        assertThat(Integer.parseInt(r.get("ciphertextLength")))
                .isEqualTo(Integer.parseInt(r.get("plaintextLength")) + 16);
        assertThat(r.get("sameIvSameCiphertext")).isEqualTo("true");
        assertThat(r.get("otherIvOtherCiphertext")).isEqualTo("true");
        assertThat(r.get("emptyCiphertextLength")).isEqualTo("16");
        assertThat(r.get("emptyRoundTripLength")).isEqualTo("0");
        assertThat(r.get("largeRoundTrip")).isEqualTo("true");
        for (String step : new String[] {"flippedByte", "flippedTag", "wrongAad", "missingAad", "wrongIv",
                "truncated", "tagCut", "wrongKey"}) {
            assertThat(r.get(step + ".error")).as(step).isEqualTo("InvalidCiphertextException");
        }
        assertThat(r.get("wrongAad.message")).isEqualTo(r.get("flippedByte.message"));
        assertThat(r.get("unknownKey.error")).isEqualTo("TokenKeyNotFoundException");
        assertThat(r.get("unknownKey.message")).contains("kmslab:nope:1", "token 'kmslab-test'");
        assertThat(r.get("shortIv.error")).isEqualTo("IllegalArgumentException");
        assertThat(r.get("roundTripAfterFailures")).isEqualTo("attack at dawn");
    }

    @Test
    void dataKeys_comeFromTokenRandom_andDecryptUnderTheTokenKey() {
        Map<String, String> r = scenario("datakey", BY_LABEL);

        assertThat(r.get("plaintextLength")).isEqualTo("32");
        assertThat(r.get("ivLength")).isEqualTo("12");
        assertThat(r.get("ciphertextLength")).isEqualTo("48");
        assertThat(r.get("decryptsToPlaintext")).isEqualTo("true");
        assertThat(r.get("distinctPlaintexts")).isEqualTo("true");
        assertThat(r.get("distinctIvs")).isEqualTo("true");
        assertThat(r.get("toStringHidesPlaintext")).isEqualTo("true");
        assertThat(r.get("wrongAad.error")).isEqualTo("InvalidCiphertextException");
        assertThat(r.get("destroyedPlaintextZero")).isEqualTo("true");
        assertThat(r.get("random1Length")).isEqualTo("1");
        assertThat(r.get("random1024Length")).isEqualTo("1024");
        assertThat(r.get("randomDistinct")).isEqualTo("true");
        assertThat(r.get("randomZero.error")).isEqualTo("IllegalArgumentException");
    }

    @Test
    void connectionStates_followAwsRules_andDisconnectedCallsFail() {
        Map<String, String> r = scenario("states", "index:0");

        assertThat(r.get("initial")).isEqualTo("DISCONNECTED");
        assertThat(r.get("encryptBeforeConnect.error")).isEqualTo("TokenNotConnectedException");
        assertThat(r.get("disconnectWhileDisconnected.error")).isEqualTo("TokenStateException");
        assertThat(r.get("afterConnect")).isEqualTo("CONNECTED");
        assertThat(r.get("afterSecondConnect")).isEqualTo("CONNECTED");
        assertThat(r.get("rivalConnect.error")).isEqualTo("TokenConnectException");
        assertThat(r.get("rivalConnect.code")).isEqualTo("USER_LOGGED_IN");
        assertThat(r.get("rivalState")).isEqualTo("FAILED");
        assertThat(r.get("rivalErrorCode")).isEqualTo("USER_LOGGED_IN");
        assertThat(r.get("rivalConnectWhileFailed.error")).isEqualTo("TokenStateException");
        assertThat(r.get("rivalConnectWhileFailed.message")).contains("FAILED", "disconnect it first");
        assertThat(r.get("rivalAfterDisconnect")).isEqualTo("DISCONNECTED");
        assertThat(r.get("rivalErrorCodeAfterDisconnect")).isEqualTo("none");
        assertThat(r.get("firstStillWorks")).isEqualTo("kept");
        assertThat(r.get("afterDisconnect")).isEqualTo("DISCONNECTED");
        for (String step : new String[] {"encryptWhileDisconnected", "decryptWhileDisconnected",
                "randomWhileDisconnected", "generateWhileDisconnected"}) {
            assertThat(r.get(step + ".error")).as(step).isEqualTo("TokenNotConnectedException");
            assertThat(r.get(step + ".message")).as(step).contains("is DISCONNECTED");
        }
        assertThat(r.get("afterReconnect")).isEqualTo("kept");
        assertThat(r.get("rivalAfterFirstLeft")).isEqualTo("CONNECTED");
    }

    @Test
    void keys_surviveRestart_foundByLabelFromAnotherSlotSelector_andDeletionIsPermanent() {
        Map<String, String> written = scenario("persist-write", BY_LABEL);
        String slotId = written.get("token").replaceAll(".* in slot ", "");

        Map<String, String> read = scenario("persist-read", "slot:" + slotId, written.get("iv"),
                written.get("ciphertext"));
        assertThat(read.get("labels")).isEqualTo(Pkcs11ScenarioSteps.PERSIST_KEY);
        assertThat(read.get("plaintext")).isEqualTo("survives a restart");
        assertThat(read.get("hasKeyAfterDelete")).isEqualTo("false");

        Map<String, String> gone = scenario("persist-gone", "index:0");
        assertThat(gone.get("hasKey")).isEqualTo("false");
        assertThat(gone.get("decrypt.error")).isEqualTo("TokenKeyNotFoundException");
    }

    @Test
    void tokenLabels_selectTheirOwnSlots_andTwoTokensConnectSideBySide() {
        SoftHsmFixture.addToken(hsm, "kmslab-second");

        Map<String, String> r = scenario("two-tokens", BY_LABEL, "kmslab-second");

        assertThat(r.get("first")).startsWith("token 'kmslab-test' in slot ");
        assertThat(r.get("second")).startsWith("token 'kmslab-second' in slot ");
        assertThat(r.get("first").replaceAll(".* slot ", "")).isNotEqualTo(r.get("second").replaceAll(".* slot ", ""));
        assertThat(r.get("firstHasKey")).isEqualTo("true");
        assertThat(r.get("secondHasKey")).isEqualTo("false");
    }

    @Test
    void wrongPin_failsWithInvalidCredentials_namingTokenNotPin() {
        Map<String, String> r = hsm.run(Map.of("KMSLAB_WRONG_PIN", "9876"), Pkcs11Scenarios.class,
                "connect-failures", hsm.module().toString(), BY_LABEL).values();

        assertThat(r.get("wrongPin.error")).isEqualTo("TokenConnectException");
        assertThat(r.get("wrongPin.code")).isEqualTo("INVALID_CREDENTIALS");
        assertThat(r.get("wrongPin.message")).startsWith("The PIN was rejected by token 'kmslab-test' in slot ")
                .contains("CKR_PIN_INCORRECT").doesNotContain("9876").doesNotContain(SoftHsmFixture.USER_PIN);
        assertThat(r.get("wrongPin.state")).isEqualTo("FAILED");
        assertThat(r.get("wrongPin.errorCode")).isEqualTo("INVALID_CREDENTIALS");
        assertThat(r.get("noPin.code")).isEqualTo("INVALID_CREDENTIALS");
        assertThat(r.get("noPin.message")).contains("environment variable KMSLAB_UNSET_PIN_VARIABLE");
        assertThat(r.get("noToken.code")).isEqualTo("CLUSTER_NOT_FOUND");
        assertThat(r.get("noToken.message")).contains("No token labelled 'no-such-token'");
        assertThat(r.get("noSlot.code")).isEqualTo("CLUSTER_NOT_FOUND");
        assertThat(r.get("noSlot.message")).contains("CKR_SLOT_ID_INVALID");
        assertThat(r.get("pastLastSlot.code")).isEqualTo("CLUSTER_NOT_FOUND");
        assertThat(r.get("prompted.state")).isEqualTo("CONNECTED");
        assertThat(r.get("prompted.pinZeroed")).isEqualTo("true");
    }

    private Map<String, String> scenario(String name, String selector, String... extra) {
        String[] args = new String[3 + extra.length];
        args[0] = name;
        args[1] = hsm.module().toString();
        args[2] = selector;
        System.arraycopy(extra, 0, args, 3, extra.length);
        ChildJvm.Result result = hsm.run(Map.of(), Pkcs11Scenarios.class, args);
        assertThat(result.exitCode()).as("child JVM for %s failed:%n%s%n%s", name, result.stdout(),
                result.stderr()).isZero();
        return result.values();
    }
}
