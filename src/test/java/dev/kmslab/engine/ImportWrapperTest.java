package dev.kmslab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.error.InvalidCiphertextException;
import dev.kmslab.engine.error.ValidationException;
import dev.kmslab.engine.model.AlgorithmSpec;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.HexFormat;
import javax.crypto.Cipher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The client-side wrapping helper and the engine's unwrapping, including the RFC 5649 known answer. */
class ImportWrapperTest {

    private static final KeyPair WRAPPING = rsa(2048);

    /** RFC 5649 section 6, the 20-octet example with a 192-bit KEK. */
    @Test
    void aesKeyWrapWithPadding_matchesRfc5649() throws Exception {
        HexFormat hex = HexFormat.of();
        byte[] kek = hex.parseHex("5840df6e29b02af1ab493b705bf16ea1ae8338f4dcc176a8");
        byte[] key = hex.parseHex("c37b7e6492584340bed12207808941155068f738");

        byte[] wrapped = ImportWrapper.kwp(Cipher.ENCRYPT_MODE, kek).doFinal(key);

        assertThat(hex.formatHex(wrapped)).isEqualTo("138bdeaa9b8fa7fc61f97742e72248ee5ae6ae5360d1ae6a5f54f373fa543b6a");
        assertThat(ImportWrapper.kwp(Cipher.DECRYPT_MODE, kek).doFinal(wrapped)).isEqualTo(key);
    }

    @ParameterizedTest
    @EnumSource(value = AlgorithmSpec.class, names = "RSAES_PKCS1_V1_5", mode = EnumSource.Mode.EXCLUDE)
    void wrapThenUnwrap_givesTheMaterialBack(AlgorithmSpec algorithm) {
        byte[] material = new byte[32];
        material[31] = 42;

        byte[] wrapped = ImportWrapper.wrap(WRAPPING.getPublic().getEncoded(), algorithm, material);

        assertThat(wrapped).hasSize(ImportWrapper.isKeyWrap(algorithm) ? 256 + 40 : 256);
        assertThat(ImportWrapper.unwrap(WRAPPING.getPrivate(), algorithm, wrapped)).isEqualTo(material);
    }

    @Test
    void tamperedOrMismatchedWrapping_isOneInvalidCiphertextError() {
        byte[] wrapped = ImportWrapper.wrap(WRAPPING.getPublic().getEncoded(), AlgorithmSpec.RSA_AES_KEY_WRAP_SHA_256,
                new byte[32]);
        byte[] tampered = wrapped.clone();
        tampered[tampered.length - 1] ^= 1;

        assertThatThrownBy(() -> ImportWrapper.unwrap(WRAPPING.getPrivate(), AlgorithmSpec.RSA_AES_KEY_WRAP_SHA_256,
                tampered)).isInstanceOf(InvalidCiphertextException.class);
        assertThatThrownBy(() -> ImportWrapper.unwrap(WRAPPING.getPrivate(), AlgorithmSpec.RSA_AES_KEY_WRAP_SHA_1,
                wrapped)).isInstanceOf(InvalidCiphertextException.class);
        assertThatThrownBy(() -> ImportWrapper.unwrap(WRAPPING.getPrivate(), AlgorithmSpec.RSAES_OAEP_SHA_256,
                new byte[256])).isInstanceOf(InvalidCiphertextException.class);
    }

    @Test
    void pkcs1Wrapping_isRefused_andOversizedOaepMaterialIsReported() {
        assertThatThrownBy(() -> ImportWrapper.wrap(WRAPPING.getPublic().getEncoded(), AlgorithmSpec.RSAES_PKCS1_V1_5,
                new byte[32])).isInstanceOf(ValidationException.class).hasMessageContaining("no longer supported");
        assertThatThrownBy(() -> ImportWrapper.wrap(WRAPPING.getPublic().getEncoded(),
                AlgorithmSpec.RSAES_OAEP_SHA_256, new byte[300])).isInstanceOf(ValidationException.class)
                .hasMessageContaining("RSA_AES_KEY_WRAP");
        assertThatThrownBy(() -> ImportWrapper.wrap(new byte[] {1, 2}, AlgorithmSpec.RSAES_OAEP_SHA_256,
                new byte[32])).isInstanceOf(ValidationException.class);
    }

    static KeyPair rsa(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
