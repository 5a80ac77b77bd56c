package dev.kmslab.engine.cks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.crypto.pkcs11.HsmToken;
import dev.kmslab.engine.crypto.pkcs11.PinSource;
import dev.kmslab.engine.crypto.pkcs11.Pkcs11Token;
import dev.kmslab.engine.crypto.pkcs11.SlotSelector;
import dev.kmslab.engine.crypto.pkcs11.TokenConnectException;
import dev.kmslab.engine.crypto.pkcs11.TokenNotConnectedException;
import dev.kmslab.engine.crypto.pkcs11.TokenStateException;
import dev.kmslab.engine.model.ConnectionErrorCode;
import dev.kmslab.engine.model.ConnectionState;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real token and the simulated one are both {@link HsmToken}s on the same connection state machine, so the
 * engine sees the same rules from either: a failed connect leaves FAILED with AWS's error code, a second connect is
 * refused until a disconnect, and key work needs CONNECTED. Needs no PKCS#11 module (the real token's fails to load).
 */
class HsmTokenRulesTest {

    private static final TokenSettings MISSING_MODULE = new TokenSettings(Path.of("/nonexistent/libpkcs11-module.so"),
            new SlotSelector.TokenLabel("kmslab"));

    static Stream<Arguments> failingTokens() {
        HsmToken real = TokenFactory.pkcs11().create("cks-real", MISSING_MODULE,
                PinSource.prompt(() -> "1234".toCharArray()));
        HsmToken simulated = new FakeHsm("1234").create("cks-fake", MISSING_MODULE,
                PinSource.prompt(() -> "9999".toCharArray()));
        return Stream.of(Arguments.of("PKCS#11, missing module", real, ConnectionErrorCode.CLUSTER_NOT_FOUND),
                Arguments.of("simulated, wrong PIN", simulated, ConnectionErrorCode.INVALID_CREDENTIALS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failingTokens")
    void failedConnect_leavesFailed_refusesWork_andNeedsDisconnectBeforeRetry(String name, HsmToken token,
                                                                              ConnectionErrorCode code) {
        assertThat(token.state()).isEqualTo(ConnectionState.DISCONNECTED);
        assertThatThrownBy(() -> token.generateKey("kmslab:k:1")).isInstanceOf(TokenNotConnectedException.class)
                .hasMessageContaining("is DISCONNECTED");

        assertThatThrownBy(token::connect).isInstanceOf(TokenConnectException.class)
                .extracting(e -> ((TokenConnectException) e).errorCode()).isEqualTo(code);
        assertThat(token.state()).isEqualTo(ConnectionState.FAILED);
        assertThat(token.errorCode()).contains(code);
        assertThatThrownBy(() -> token.generateRandom(4)).isInstanceOf(TokenNotConnectedException.class)
                .hasMessageContaining("is FAILED");
        assertThatThrownBy(token::connect).isInstanceOf(TokenStateException.class)
                .hasMessageContaining("while it is FAILED; disconnect it first");

        token.disconnect();
        assertThat(token.state()).isEqualTo(ConnectionState.DISCONNECTED);
        assertThat(token.errorCode()).isEmpty();
        assertThatThrownBy(token::disconnect).isInstanceOf(TokenStateException.class)
                .hasMessageContaining("is already DISCONNECTED");
    }

    @Test
    void factories_handOutTheTokensThemselves_andSaySimulatedOnlyForTheFake() {
        HsmToken real = TokenFactory.pkcs11().create("cks-real", MISSING_MODULE,
                PinSource.prompt(() -> "1234".toCharArray()));
        HsmToken chosen = TokenFactory.realOrSimulated(new FakeHsm("1234")).create("cks-lab", MISSING_MODULE,
                PinSource.prompt(() -> "1234".toCharArray()));

        assertThat(real).isInstanceOf(Pkcs11Token.class);
        assertThat(real.simulated()).isFalse();
        assertThat(((Pkcs11Token) real).config().name()).isEqualTo("cks-real");
        assertThat(chosen).isInstanceOf(FakeHsmToken.class);
        assertThat(chosen.simulated()).isTrue();
    }
}
