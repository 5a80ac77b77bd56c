package dev.kmslab.engine.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class AesKeyMaterialTest {

    @Test
    void toString_neverShowsTheBytes() {
        byte[] raw = HexFormat.of().parseHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
        AesKeyMaterial material = AesKeyMaterial.copyOf(raw);

        assertThat(material.toString()).doesNotContain("0011").doesNotContain("ABEiM").contains("256 bits");
    }

    @Test
    void destroy_wipesAndRefusesFurtherUse() {
        AesKeyMaterial material = AesKeyMaterial.generate(CryptoRandom.create());

        material.destroy();

        assertThat(material.isDestroyed()).isTrue();
        assertThatThrownBy(material::encoded).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void generate_givesDistinct256BitKeys() {
        CryptoRandom random = CryptoRandom.create();
        AesKeyMaterial a = AesKeyMaterial.generate(random);
        AesKeyMaterial b = AesKeyMaterial.generate(random);

        assertThat(a.length()).isEqualTo(32);
        assertThat(a.sameAs(b)).isFalse();
        assertThat(a.sameAs(AesKeyMaterial.copyOf(a.encoded()))).isTrue();
    }

    @Test
    void copyOf_refusesNonAesLengths() {
        assertThatThrownBy(() -> AesKeyMaterial.copyOf(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }
}
