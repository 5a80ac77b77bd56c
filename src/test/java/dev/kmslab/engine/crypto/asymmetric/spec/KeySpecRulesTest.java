package dev.kmslab.engine.crypto.asymmetric.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.error.UnsupportedOperationException;
import dev.kmslab.engine.error.ValidationException;
import dev.kmslab.engine.model.DataKeyPairSpec;
import dev.kmslab.engine.model.EncryptionAlgorithmSpec;
import dev.kmslab.engine.model.KeyAgreementAlgorithmSpec;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyUsage;
import dev.kmslab.engine.model.MacAlgorithmSpec;
import dev.kmslab.engine.model.MessageType;
import dev.kmslab.engine.model.SigningAlgorithmSpec;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The AWS key spec reference table as the engine will enforce it. */
class KeySpecRulesTest {

    @Test
    void usagesPerSpec_matchTheAwsTable() {
        assertThat(KeySpecRules.usages(KeySpec.SYMMETRIC_DEFAULT)).containsExactly(KeyUsage.ENCRYPT_DECRYPT);
        assertThat(KeySpecRules.usages(KeySpec.RSA_3072))
                .containsExactlyInAnyOrder(KeyUsage.ENCRYPT_DECRYPT, KeyUsage.SIGN_VERIFY);
        assertThat(KeySpecRules.usages(KeySpec.ECC_NIST_P384))
                .containsExactlyInAnyOrder(KeyUsage.SIGN_VERIFY, KeyUsage.KEY_AGREEMENT);
        assertThat(KeySpecRules.usages(KeySpec.ECC_SECG_P256K1)).containsExactly(KeyUsage.SIGN_VERIFY);
        assertThat(KeySpecRules.usages(KeySpec.ECC_NIST_EDWARDS25519)).containsExactly(KeyUsage.SIGN_VERIFY);
        assertThat(KeySpecRules.usages(KeySpec.ML_DSA_87)).containsExactly(KeyUsage.SIGN_VERIFY);
        assertThat(KeySpecRules.usages(KeySpec.HMAC_224)).containsExactly(KeyUsage.GENERATE_VERIFY_MAC);
        assertThat(KeySpecRules.usages(KeySpec.SM2)).isEqualTo(EnumSet.of(KeyUsage.ENCRYPT_DECRYPT,
                KeyUsage.SIGN_VERIFY, KeyUsage.KEY_AGREEMENT));
    }

    @Test
    void algorithmsPerSpecAndUsage_matchTheAwsTable() {
        assertThat(KeySpecRules.algorithms(KeySpec.RSA_2048, KeyUsage.ENCRYPT_DECRYPT).encryption())
                .containsExactly(EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1, EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256);
        assertThat(KeySpecRules.algorithms(KeySpec.RSA_4096, KeyUsage.SIGN_VERIFY).signing()).hasSize(6)
                .allMatch(a -> a.name().startsWith("RSASSA_"));
        assertThat(KeySpecRules.algorithms(KeySpec.ECC_NIST_P256, KeyUsage.SIGN_VERIFY).signing())
                .containsExactly(SigningAlgorithmSpec.ECDSA_SHA_256);
        assertThat(KeySpecRules.algorithms(KeySpec.ECC_NIST_P384, KeyUsage.SIGN_VERIFY).signing())
                .containsExactly(SigningAlgorithmSpec.ECDSA_SHA_384);
        assertThat(KeySpecRules.algorithms(KeySpec.ECC_NIST_P521, KeyUsage.SIGN_VERIFY).signing())
                .containsExactly(SigningAlgorithmSpec.ECDSA_SHA_512);
        assertThat(KeySpecRules.algorithms(KeySpec.ECC_SECG_P256K1, KeyUsage.SIGN_VERIFY).signing())
                .containsExactly(SigningAlgorithmSpec.ECDSA_SHA_256);
        assertThat(KeySpecRules.algorithms(KeySpec.ECC_NIST_EDWARDS25519, KeyUsage.SIGN_VERIFY).signing())
                .containsExactly(SigningAlgorithmSpec.ED25519_SHA_512, SigningAlgorithmSpec.ED25519_PH_SHA_512);
        assertThat(KeySpecRules.algorithms(KeySpec.ML_DSA_44, KeyUsage.SIGN_VERIFY).signing())
                .containsExactly(SigningAlgorithmSpec.ML_DSA_SHAKE_256);
        assertThat(KeySpecRules.algorithms(KeySpec.ECC_NIST_P521, KeyUsage.KEY_AGREEMENT).keyAgreement())
                .containsExactly(KeyAgreementAlgorithmSpec.ECDH);
        assertThat(KeySpecRules.algorithms(KeySpec.HMAC_384, KeyUsage.GENERATE_VERIFY_MAC).mac())
                .containsExactly(MacAlgorithmSpec.HMAC_SHA_384);
    }

    @Test
    void usageNotAllowedForSpec_offersNoAlgorithms() {
        assertThat(KeySpecRules.algorithms(KeySpec.ECC_NIST_P256, KeyUsage.ENCRYPT_DECRYPT).isEmpty()).isTrue();
        assertThat(KeySpecRules.algorithms(KeySpec.ECC_SECG_P256K1, KeyUsage.KEY_AGREEMENT).isEmpty()).isTrue();
        assertThat(KeySpecRules.algorithms(KeySpec.HMAC_256, KeyUsage.SIGN_VERIFY).isEmpty()).isTrue();
    }

    @Test
    void keySizes_andHmacKeyLengths() {
        assertThat(List.of(KeySpec.HMAC_224, KeySpec.HMAC_256, KeySpec.HMAC_384, KeySpec.HMAC_512))
                .extracting(spec -> spec.bits() / 8).containsExactly(28, 32, 48, 64);
        assertThat(KeySpec.RSA_3072.bits()).isEqualTo(3072);
        assertThat(KeySpec.ECC_NIST_P521.parameterName()).isEqualTo("secp521r1");
        assertThat(KeySpec.ECC_NIST_EDWARDS25519.isAsymmetric()).isTrue();
        assertThat(KeySpec.HMAC_512.isAsymmetric()).isFalse();
    }

    @Test
    void messageTypesPerAlgorithm() {
        assertThat(KeySpecRules.messageTypes(SigningAlgorithmSpec.RSASSA_PSS_SHA_256))
                .containsExactlyInAnyOrder(MessageType.RAW, MessageType.DIGEST);
        assertThat(KeySpecRules.messageTypes(SigningAlgorithmSpec.ED25519_SHA_512)).containsExactly(MessageType.RAW);
        assertThat(KeySpecRules.messageTypes(SigningAlgorithmSpec.ED25519_PH_SHA_512))
                .containsExactly(MessageType.DIGEST);
        assertThat(KeySpecRules.messageTypes(SigningAlgorithmSpec.ML_DSA_SHAKE_256))
                .containsExactlyInAnyOrder(MessageType.RAW, MessageType.EXTERNAL_MU);
    }

    @Test
    void requireCreatable_refusesIncompatibleUsageAndSm2() {
        assertThatCode(() -> KeySpecRules.requireCreatable(KeySpec.ECC_NIST_P256, KeyUsage.KEY_AGREEMENT))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> KeySpecRules.requireCreatable(KeySpec.ECC_NIST_EDWARDS25519,
                KeyUsage.KEY_AGREEMENT)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("KeyUsage KEY_AGREEMENT is not compatible with KeySpec ECC_NIST_EDWARDS25519");
        assertThatThrownBy(() -> KeySpecRules.requireCreatable(KeySpec.HMAC_256, KeyUsage.ENCRYPT_DECRYPT))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> KeySpecRules.requireCreatable(KeySpec.SM2, KeyUsage.SIGN_VERIFY))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void onlySymmetricDefaultKeysRotate() {
        assertThat(KeySpecRules.isRotatable(KeySpec.SYMMETRIC_DEFAULT)).isTrue();
        assertThatThrownBy(() -> KeySpecRules.requireRotatable(KeySpec.RSA_2048))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("RSA_2048");
        assertThatThrownBy(() -> KeySpecRules.requireRotatable(KeySpec.HMAC_256))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void dataKeyPairSpecs_mapToTheSameKeySpecs() {
        for (DataKeyPairSpec spec : DataKeyPairSpec.values()) {
            assertThat(spec.keySpec().name()).isEqualTo(spec.name());
        }
    }
}
