package dev.kmslab.engine.crypto.asymmetric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.crypto.KeyMaterial;
import dev.kmslab.engine.crypto.asymmetric.spec.KeySpecRules;
import dev.kmslab.engine.error.InvalidKeyUsageException;
import dev.kmslab.engine.error.KMSInvalidMacException;
import dev.kmslab.engine.error.ValidationException;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyUsage;
import dev.kmslab.engine.model.MacAlgorithmSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** GenerateMac/VerifyMac with generated HMAC keys: sizes, round trips, tampering, limits and refusals. */
class MacOperationsTest {

    private static final KeyUsage MAC = KeyUsage.GENERATE_VERIFY_MAC;

    @ParameterizedTest
    @EnumSource(value = KeySpec.class, names = {"HMAC_224", "HMAC_256", "HMAC_384", "HMAC_512"})
    void generatedKey_hasTheSpecLength_andMacsRoundTrip(KeySpec spec) {
        KeyMaterial key = TestKeys.of(spec);
        MacAlgorithmSpec algorithm = KeySpecRules.macAlgorithm(spec);
        byte[] message = SignVerifyTest.message(4096, 9);

        byte[] mac = MacOperations.generateMac(key, MAC, algorithm, message);

        assertThat(key.encoded()).hasSize(spec.bits() / 8);
        assertThat(mac).hasSize(algorithm.macLength());
        assertThat(MacOperations.generateMac(key, MAC, algorithm, message)).isEqualTo(mac);
        MacOperations.verifyMac(key, MAC, algorithm, message, mac);
        byte[] tampered = mac.clone();
        tampered[0] ^= 1;
        assertThatThrownBy(() -> MacOperations.verifyMac(key, MAC, algorithm, message, tampered))
                .isInstanceOf(KMSInvalidMacException.class).hasMessageContaining(algorithm.name());
        byte[] otherMessage = message.clone();
        otherMessage[4095] ^= 1;
        assertThatThrownBy(() -> MacOperations.verifyMac(key, MAC, algorithm, otherMessage, mac))
                .isInstanceOf(KMSInvalidMacException.class);
    }

    @Test
    void sameSpecDifferentKeys_produceDifferentMacs() {
        KeyMaterial other = KeyMaterials.generate(KeySpec.HMAC_256);
        byte[] message = {1, 2, 3};
        byte[] mac = MacOperations.generateMac(TestKeys.of(KeySpec.HMAC_256), MAC, MacAlgorithmSpec.HMAC_SHA_256, message);

        assertThatThrownBy(() -> MacOperations.verifyMac(other, MAC, MacAlgorithmSpec.HMAC_SHA_256, message, mac))
                .isInstanceOf(KMSInvalidMacException.class);
    }

    @Test
    void messageMustBe1To4096Bytes() {
        KeyMaterial key = TestKeys.of(KeySpec.HMAC_384);
        assertThatThrownBy(() -> MacOperations.generateMac(key, MAC, MacAlgorithmSpec.HMAC_SHA_384, new byte[0]))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> MacOperations.generateMac(key, MAC, MacAlgorithmSpec.HMAC_SHA_384, new byte[4097]))
                .isInstanceOf(ValidationException.class).hasMessageContaining("4096");
        assertThatThrownBy(() -> MacOperations.verifyMac(key, MAC, MacAlgorithmSpec.HMAC_SHA_384, new byte[1],
                new byte[0])).isInstanceOf(ValidationException.class);
    }

    @Test
    void wrongAlgorithmUsageOrKeyType_isInvalidKeyUsage() {
        KeyMaterial key = TestKeys.of(KeySpec.HMAC_256);
        assertThatThrownBy(() -> MacOperations.generateMac(key, MAC, MacAlgorithmSpec.HMAC_SHA_512, new byte[1]))
                .isInstanceOf(InvalidKeyUsageException.class)
                .hasMessage("The MAC algorithm HMAC_SHA_512 is not compatible with KMS keys with KeySpec HMAC_256.");
        assertThatThrownBy(() -> MacOperations.generateMac(key, KeyUsage.SIGN_VERIFY, MacAlgorithmSpec.HMAC_SHA_256,
                new byte[1])).isInstanceOf(InvalidKeyUsageException.class);
        assertThatThrownBy(() -> MacOperations.generateMac(TestKeys.of(KeySpec.ECC_NIST_P256), MAC,
                MacAlgorithmSpec.HMAC_SHA_256, new byte[1])).isInstanceOf(InvalidKeyUsageException.class)
                .hasMessageContaining("requires an HMAC KMS key");
    }
}
