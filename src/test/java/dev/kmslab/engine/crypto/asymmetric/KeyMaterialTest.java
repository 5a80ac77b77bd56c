package dev.kmslab.engine.crypto.asymmetric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.crypto.AsymmetricKeyMaterial;
import dev.kmslab.engine.crypto.HmacKeyMaterial;
import dev.kmslab.engine.crypto.KeyMaterial;
import dev.kmslab.engine.error.IncorrectKeyMaterialException;
import dev.kmslab.engine.error.UnsupportedOperationException;
import dev.kmslab.engine.model.DataKeyPairSpec;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyUsage;
import dev.kmslab.engine.model.MessageType;
import dev.kmslab.engine.model.SigningAlgorithmSpec;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Key material generation, persistence encoding, secrecy of toString, destruction, and data key pairs. */
class KeyMaterialTest {

    @ParameterizedTest
    @EnumSource(value = KeySpec.class, names = {"SYMMETRIC_DEFAULT", "SM2"}, mode = EnumSource.Mode.EXCLUDE)
    void encodedThenDecoded_isTheSameKey_withTheSamePublicKey(KeySpec spec) {
        KeyMaterial original = TestKeys.of(spec);

        KeyMaterial restored = KeyMaterials.decode(spec, original.encoded());

        assertThat(Requests.specOf(restored)).isEqualTo(spec);
        assertThat(restored.encoded()).isEqualTo(original.encoded());
        if (original instanceof AsymmetricKeyMaterial) {
            assertThat(((AsymmetricKeyMaterial) restored).publicKeyDer())
                    .isEqualTo(((AsymmetricKeyMaterial) original).publicKeyDer());
        }
    }

    @Test
    void decode_refusesMaterialOfAnotherSpecOrGarbage() {
        byte[] p256 = TestKeys.of(KeySpec.ECC_NIST_P256).encoded();

        assertThatThrownBy(() -> KeyMaterials.decode(KeySpec.ECC_NIST_P384, p256))
                .isInstanceOf(IncorrectKeyMaterialException.class).hasMessageContaining("ECC_NIST_P384");
        assertThatThrownBy(() -> KeyMaterials.decode(KeySpec.RSA_3072, TestKeys.of(KeySpec.RSA_2048).encoded()))
                .isInstanceOf(IncorrectKeyMaterialException.class);
        assertThatThrownBy(() -> KeyMaterials.decode(KeySpec.ECC_NIST_EDWARDS25519, new byte[] {1, 2, 3}))
                .isInstanceOf(IncorrectKeyMaterialException.class);
        assertThatThrownBy(() -> KeyMaterials.decode(KeySpec.ML_DSA_65, TestKeys.of(KeySpec.ML_DSA_44).encoded()))
                .isInstanceOf(IncorrectKeyMaterialException.class);
        assertThatThrownBy(() -> KeyMaterials.decode(KeySpec.HMAC_256, new byte[31]))
                .isInstanceOf(IncorrectKeyMaterialException.class).hasMessageContaining("32 bytes");
    }

    @Test
    void generate_refusesSm2_likeAnyRegionOutsideChina() {
        assertThatThrownBy(() -> KeyMaterials.generate(KeySpec.SM2))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("China");
        assertThatThrownBy(() -> DataKeyPairs.generate(DataKeyPairSpec.SM2))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> KeyMaterials.generate(KeySpec.SYMMETRIC_DEFAULT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyMaterials.decode(KeySpec.SYMMETRIC_DEFAULT, new byte[32]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toString_neverShowsSecretBytes() {
        KeyMaterial hmac = KeyMaterials.generate(KeySpec.HMAC_512);
        DataKeyPair pair = DataKeyPairs.generate(DataKeyPairSpec.ECC_NIST_P256);
        KeyMaterial ecc = TestKeys.of(KeySpec.ECC_NIST_P256);

        assertThat(hmac.toString()).isEqualTo("HmacKeyMaterial[HMAC_512]")
                .doesNotContain(HexFormat.of().formatHex(hmac.encoded()).substring(0, 8));
        assertThat(ecc.toString()).isEqualTo("AsymmetricKeyMaterial[ECC_NIST_P256]");
        assertThat(pair.toString()).isEqualTo("DataKeyPair[ECC_NIST_P256, privateKey=<hidden>]");
    }

    @Test
    void destroy_wipesHmacBytes_andMakesMaterialUnusable() {
        KeyMaterial hmac = KeyMaterials.generate(KeySpec.HMAC_256);
        KeyMaterial ecc = KeyMaterials.generate(KeySpec.ECC_NIST_P256);
        DataKeyPair pair = DataKeyPairs.generate(DataKeyPairSpec.ECC_NIST_P256);

        hmac.destroy();
        ecc.destroy();
        pair.destroy();

        assertThat(hmac.isDestroyed()).isTrue();
        assertThatThrownBy(hmac::encoded).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> SignVerify.sign(ecc, KeyUsage.SIGN_VERIFY, SigningAlgorithmSpec.ECDSA_SHA_256,
                MessageType.RAW, new byte[1])).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(pair::privateKey).isInstanceOf(IllegalStateException.class);
        assertThat(pair.publicKey()).isNotEmpty();
    }

    @Test
    void hmacMaterial_isRandomAndNotShared() {
        byte[] first = KeyMaterials.generate(KeySpec.HMAC_224).encoded();
        byte[] second = KeyMaterials.generate(KeySpec.HMAC_224).encoded();

        assertThat(first).hasSize(28);
        assertThat(first).isNotEqualTo(second);
        first[0] ^= 1;
        assertThat(Arrays.equals(first, second)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = DataKeyPairSpec.class, names = "SM2", mode = EnumSource.Mode.EXCLUDE)
    void dataKeyPair_isAMatchingSpkiAndPkcs8Pair(DataKeyPairSpec spec) throws Exception {
        DataKeyPair pair = DataKeyPairs.generate(spec);
        String algorithm = KeyCodec.keyAlgorithm(spec.keySpec());
        KeyFactory factory = Providers.needsBouncyCastle(spec.keySpec())
                ? KeyFactory.getInstance(algorithm, Providers.bouncyCastle()) : KeyFactory.getInstance(algorithm);

        factory.generatePublic(new X509EncodedKeySpec(pair.publicKey()));
        factory.generatePrivate(new PKCS8EncodedKeySpec(pair.privateKey()));
        AsymmetricKeyMaterial asKmsKey = KeyMaterials.fromPkcs8(spec.keySpec(), pair.privateKey());
        assertThat(asKmsKey.publicKeyDer()).isEqualTo(pair.publicKey());
    }
}
