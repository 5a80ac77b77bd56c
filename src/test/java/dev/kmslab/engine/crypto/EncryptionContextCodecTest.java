package dev.kmslab.engine.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EncryptionContextCodecTest {

    @Test
    void abC_and_aBc_encodeDifferently() {
        assertThat(EncryptionContextCodec.encode(Map.of("ab", "c")))
                .isNotEqualTo(EncryptionContextCodec.encode(Map.of("a", "bc")));
    }

    @Test
    void pairsAreSortedByKey_soInsertionOrderDoesNotMatter() {
        Map<String, String> one = new LinkedHashMap<>();
        one.put("b", "2");
        one.put("a", "1");
        Map<String, String> other = new LinkedHashMap<>();
        other.put("a", "1");
        other.put("b", "2");

        assertThat(EncryptionContextCodec.encode(one)).isEqualTo(EncryptionContextCodec.encode(other));
    }

    @Test
    void layout_isCountThenLengthPrefixedUtf8Pairs() {
        assertThat(HexFormat.of().formatHex(EncryptionContextCodec.encode(Map.of("k", "é"))))
                .isEqualTo("00000001" + "00000001" + "6b" + "00000002" + "c3a9");
        assertThat(EncryptionContextCodec.encode(null)).containsExactly(0, 0, 0, 0);
        assertThat(EncryptionContextCodec.encode(Map.of())).containsExactly(0, 0, 0, 0);
    }
}
