package dev.kmslab.engine.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BlobAadContextCodecTest {

    @Test
    void abC_and_aBc_encodeDifferently() {
        assertThat(BlobAadContextCodec.encode(Map.of("ab", "c")))
                .isNotEqualTo(BlobAadContextCodec.encode(Map.of("a", "bc")));
    }

    @Test
    void pairsAreSortedByKey_soInsertionOrderDoesNotMatter() {
        Map<String, String> one = new LinkedHashMap<>();
        one.put("b", "2");
        one.put("a", "1");
        Map<String, String> other = new LinkedHashMap<>();
        other.put("a", "1");
        other.put("b", "2");

        assertThat(BlobAadContextCodec.encode(one)).isEqualTo(BlobAadContextCodec.encode(other));
    }

    @Test
    void layout_isCountThenLengthPrefixedUtf8Pairs() {
        assertThat(HexFormat.of().formatHex(BlobAadContextCodec.encode(Map.of("k", "é"))))
                .isEqualTo("00000001" + "00000001" + "6b" + "00000002" + "c3a9");
        assertThat(BlobAadContextCodec.encode(null)).containsExactly(0, 0, 0, 0);
        assertThat(BlobAadContextCodec.encode(Map.of())).containsExactly(0, 0, 0, 0);
    }
}
