package dev.kmslab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.model.DataKeyPairSpec;
import dev.kmslab.engine.model.EncryptionAlgorithmSpec;
import dev.kmslab.engine.model.KeyAgreementAlgorithmSpec;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyUsage;
import dev.kmslab.engine.model.MacAlgorithmSpec;
import dev.kmslab.engine.model.MessageType;
import dev.kmslab.engine.model.SigningAlgorithmSpec;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The spec enums of {@code engine.model} are the only ones the engine has: the endpoint's JSON and the keystore name
 * their constants, so every constant keeps its AWS wire spelling (SM2DSA, not SM2_DSA) and none goes missing.
 */
class SpecWireNamesTest {

    static Stream<Arguments> enums() {
        return Stream.of(
                Arguments.of(KeySpec.class, List.of("SYMMETRIC_DEFAULT", "RSA_2048", "RSA_3072", "RSA_4096",
                        "ECC_NIST_P256", "ECC_NIST_P384", "ECC_NIST_P521", "ECC_SECG_P256K1", "ECC_NIST_EDWARDS25519",
                        "HMAC_224", "HMAC_256", "HMAC_384", "HMAC_512", "SM2", "ML_DSA_44", "ML_DSA_65", "ML_DSA_87")),
                Arguments.of(KeyUsage.class,
                        List.of("ENCRYPT_DECRYPT", "SIGN_VERIFY", "GENERATE_VERIFY_MAC", "KEY_AGREEMENT")),
                Arguments.of(SigningAlgorithmSpec.class, List.of("RSASSA_PSS_SHA_256", "RSASSA_PSS_SHA_384",
                        "RSASSA_PSS_SHA_512", "RSASSA_PKCS1_V1_5_SHA_256", "RSASSA_PKCS1_V1_5_SHA_384",
                        "RSASSA_PKCS1_V1_5_SHA_512", "ECDSA_SHA_256", "ECDSA_SHA_384", "ECDSA_SHA_512",
                        "ED25519_SHA_512", "ED25519_PH_SHA_512", "ML_DSA_SHAKE_256", "SM2DSA")),
                Arguments.of(EncryptionAlgorithmSpec.class,
                        List.of("SYMMETRIC_DEFAULT", "RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256", "SM2PKE")),
                Arguments.of(MacAlgorithmSpec.class,
                        List.of("HMAC_SHA_224", "HMAC_SHA_256", "HMAC_SHA_384", "HMAC_SHA_512")),
                Arguments.of(KeyAgreementAlgorithmSpec.class, List.of("ECDH")),
                Arguments.of(MessageType.class, List.of("RAW", "DIGEST", "EXTERNAL_MU")),
                Arguments.of(DataKeyPairSpec.class, List.of("RSA_2048", "RSA_3072", "RSA_4096", "ECC_NIST_P256",
                        "ECC_NIST_P384", "ECC_NIST_P521", "ECC_SECG_P256K1", "ECC_NIST_EDWARDS25519", "SM2")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("enums")
    void everyConstant_keepsItsAwsName(Class<? extends Enum<?>> type, List<String> awsNames) {
        assertThat(Arrays.stream(type.getEnumConstants()).map(Enum::name)).containsExactlyElementsOf(awsNames);
    }

    @Test
    void everyDataKeyPairSpec_namesTheKeySpecOfTheSameName() {
        for (DataKeyPairSpec spec : DataKeyPairSpec.values()) {
            assertThat(spec.keySpec().name()).isEqualTo(spec.name());
            assertThat(spec.keySpec().isAsymmetric()).as(spec.name()).isTrue();
        }
    }
}
