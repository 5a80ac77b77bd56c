package dev.kmslab.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PayloadTest {

    @Test
    void sizeText_saysByteForOneAndBytesOtherwise() {
        assertThat(Payload.open("Version", PayloadKind.OTHER, new byte[] {2}).sizeText()).isEqualTo("1 byte");
        assertThat(Payload.open("Algorithm ID", PayloadKind.OTHER, new byte[2]).sizeText()).isEqualTo("2 bytes");
        assertThat(Payload.open("Empty", PayloadKind.OTHER, new byte[0]).sizeText()).isEqualTo("0 bytes");
    }
}
