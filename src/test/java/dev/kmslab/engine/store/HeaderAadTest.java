package dev.kmslab.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HeaderAadTest {

    @Test
    void of_isMagicThenVersionThenUtf8Label() {
        byte[] aad = HeaderAad.of("KLTW".getBytes(StandardCharsets.US_ASCII), (byte) 1, "sts ü");

        assertThat(aad).containsExactly('K', 'L', 'T', 'W', 1, 's', 't', 's', ' ', 0xC3, 0xBC);
    }

    @Test
    void of_emptyLabel_isMagicAndVersionOnly() {
        assertThat(HeaderAad.of(new byte[] {'A', 'B'}, (byte) 7, "")).containsExactly('A', 'B', 7);
    }
}
