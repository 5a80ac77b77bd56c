package dev.kmslab.engine.crypto.pkcs11;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.model.ConnectionErrorCode;
import dev.kmslab.engine.model.ConnectionState;
import java.nio.file.Path;
import java.security.ProviderException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Token behaviour that needs no PKCS#11 module: states before connecting, failures, parsing and mapping. */
class Pkcs11TokenOfflineTest {

    private static Pkcs11Token token(Path module) {
        return new Pkcs11Token(new Pkcs11Config("offline", module, new SlotSelector.TokenLabel("kmslab-test"),
                PinSource.environment("KMSLAB_OFFLINE_PIN")));
    }

    @Test
    void newToken_isDisconnected_andRefusesWork() {
        Pkcs11Token token = token(Path.of("/usr/lib/softhsm/libsofthsm2.so"));

        assertThat(token.state()).isEqualTo(ConnectionState.DISCONNECTED);
        assertThat(token.errorCode()).isEmpty();
        assertThatThrownBy(() -> token.encrypt("kmslab:k:1", new byte[12], new byte[1], new byte[0]))
                .isInstanceOf(TokenNotConnectedException.class)
                .hasMessage("Cannot encrypt: token labelled 'kmslab-test' of module "
                        + "/usr/lib/softhsm/libsofthsm2.so is DISCONNECTED");
        assertThatThrownBy(() -> token.generateRandom(4)).isInstanceOf(TokenNotConnectedException.class)
                .extracting(e -> ((TokenStateException) e).state()).isEqualTo(ConnectionState.DISCONNECTED);
        assertThatThrownBy(token::disconnect).isInstanceOf(TokenStateException.class)
                .isNotInstanceOf(TokenNotConnectedException.class).hasMessageContaining("already DISCONNECTED");
    }

    @Test
    void missingModule_failsWithClusterNotFound_thenNeedsDisconnectBeforeRetry() {
        Pkcs11Token token = token(Path.of("/nonexistent/libpkcs11-module.so"));

        assertThatThrownBy(token::connect).isInstanceOf(TokenConnectException.class)
                .hasMessageContaining("/nonexistent/libpkcs11-module.so")
                .extracting(e -> ((TokenConnectException) e).errorCode())
                .isEqualTo(ConnectionErrorCode.CLUSTER_NOT_FOUND);
        assertThat(token.state()).isEqualTo(ConnectionState.FAILED);
        assertThat(token.errorCode()).contains(ConnectionErrorCode.CLUSTER_NOT_FOUND);
        assertThat(token.toString()).contains("FAILED CLUSTER_NOT_FOUND");
        assertThatThrownBy(token::connect).isInstanceOf(TokenStateException.class)
                .hasMessageContaining("disconnect it first");

        token.disconnect();
        assertThat(token.state()).isEqualTo(ConnectionState.DISCONNECTED);
        assertThat(token.errorCode()).isEmpty();
    }

    @Test
    void badIvLength_isRejectedBeforeTheStateCheck() {
        Pkcs11Token token = token(Path.of("/usr/lib/softhsm/libsofthsm2.so"));

        assertThatThrownBy(() -> token.encrypt("kmslab:k:1", new byte[16], new byte[1], new byte[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("AES-GCM IV must be 12 bytes, was 16");
    }

    @Test
    void returnValueNames_mapToAwsConnectionErrorCodes() {
        assertThat(ConnectionErrorCode.forReturnValue("CKR_PIN_INCORRECT"))
                .isEqualTo(ConnectionErrorCode.INVALID_CREDENTIALS);
        assertThat(ConnectionErrorCode.forReturnValue("CKR_PIN_LOCKED")).isEqualTo(ConnectionErrorCode.USER_LOCKED_OUT);
        assertThat(ConnectionErrorCode.forReturnValue("CKR_USER_PIN_NOT_INITIALIZED"))
                .isEqualTo(ConnectionErrorCode.USER_NOT_FOUND);
        assertThat(ConnectionErrorCode.forReturnValue("CKR_USER_ALREADY_LOGGED_IN"))
                .isEqualTo(ConnectionErrorCode.USER_LOGGED_IN);
        assertThat(ConnectionErrorCode.forReturnValue("CKR_TOKEN_NOT_PRESENT"))
                .isEqualTo(ConnectionErrorCode.CLUSTER_NOT_FOUND);
        assertThat(ConnectionErrorCode.forReturnValue("CKR_DEVICE_REMOVED"))
                .isEqualTo(ConnectionErrorCode.NETWORK_ERRORS);
        assertThat(ConnectionErrorCode.forReturnValue("CKR_FUNCTION_FAILED"))
                .isEqualTo(ConnectionErrorCode.INTERNAL_ERROR);
    }

    @Test
    void returnValueName_isFoundInTheCauseChain() {
        ProviderException wrapped = new ProviderException("Initialization failed",
                new RuntimeException("CKR_SLOT_ID_INVALID"));

        assertThat(ReturnValues.find(wrapped)).contains("CKR_SLOT_ID_INVALID");
        assertThat(ReturnValues.find(new RuntimeException("CKR_PIN_INCORRECT: details"))).contains("CKR_PIN_INCORRECT");
        assertThat(ReturnValues.find(new ProviderException("Library x does not exist"))).isEmpty();
    }

    @Test
    void showInfoOutput_yieldsSlotIdAndUnpaddedLabel() {
        String printed = "Slots with tokens: 79331009, 1\n"
                + "Slot info for slot 79331009:\n  slotDescription: SoftHSM slot ID 0x4ba7ec1\n"
                + "Token info for token in slot 79331009:\n"
                + "  label: kmslab-test                     \n  manufacturerID: SoftHSM project\n";

        assertThat(TokenProbe.parseIdentity(printed)).isEqualTo(new TokenIdentity(79331009L, "kmslab-test"));
        assertThat(TokenProbe.parseIdentity("nothing useful")).isEqualTo(new TokenIdentity(-1, ""));
        assertThat(new TokenIdentity(5, "x").describe()).isEqualTo("token 'x' in slot 5");
        assertThat(new TokenIdentity(-1, "").describe()).isEqualTo("token");
    }

    @Test
    void dataKey_copiesItsArrays_andHidesPlaintext() {
        byte[] plaintext = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");
        TokenDataKey key = new TokenDataKey(plaintext, new byte[12], new byte[32]);
        plaintext[0] = 9;

        assertThat(key.plaintext()[0]).isZero();
        assertThat(key.toString()).contains("16 bytes (hidden)").doesNotContain("00112233");
        key.destroyPlaintext();
        assertThat(key.plaintext()).containsOnly(0);
    }
}
