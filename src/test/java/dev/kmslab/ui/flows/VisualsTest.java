package dev.kmslab.ui.flows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.flow.Payload;
import dev.kmslab.flow.PayloadKind;
import dev.kmslab.ui.UiTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** Chip labels say what a payload is, so a public key or imported material is not drawn as "data" or "data key". */
@ResourceLock(UiTests.JAVAFX)
class VisualsTest {

    @Test
    void chipLabels_nameKeyMaterialPublicKeysAndImportTokens() {
        assertThat(Visuals.shortName(Payload.secret("Key material", PayloadKind.DATA_KEY, new byte[32])))
                .isEqualTo("key material");
        assertThat(Visuals.shortName(Payload.secret("Plaintext data key", PayloadKind.DATA_KEY, new byte[32])))
                .isEqualTo("data key");
        assertThat(Visuals.shortName(Payload.open("Public key (DER)", PayloadKind.OTHER, new byte[1])))
                .isEqualTo("public key");
        assertThat(Visuals.shortName(Payload.open("Wrapping public key", PayloadKind.OTHER, new byte[1])))
                .isEqualTo("public key");
        assertThat(Visuals.shortName(Payload.open("Import token", PayloadKind.OTHER, new byte[1])))
                .isEqualTo("import token");
        assertThat(Visuals.shortName(Payload.open("Key policy", PayloadKind.OTHER, new byte[1]))).isEqualTo("data");
    }
}
