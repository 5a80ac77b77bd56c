package dev.kmslab.engine.crypto.asymmetric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.crypto.KeyMaterial;
import dev.kmslab.engine.error.InvalidCiphertextException;
import dev.kmslab.engine.error.InvalidKeyUsageException;
import dev.kmslab.engine.error.ValidationException;
import dev.kmslab.engine.model.EncryptionAlgorithmSpec;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyUsage;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RSAES-OAEP Encrypt/Decrypt: round trips at the AWS plaintext limits, refusals above them, and bad ciphertext. */
class RsaEncryptionTest {

    private static final KeyUsage ENCRYPT = KeyUsage.ENCRYPT_DECRYPT;

    /** The AWS limits per key size and algorithm: k - 2*hLen - 2 bytes. */
    static Stream<Arguments> limits() {
        return Stream.of(
                Arguments.of(KeySpec.RSA_2048, EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1, 214),
                Arguments.of(KeySpec.RSA_2048, EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256, 190),
                Arguments.of(KeySpec.RSA_3072, EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1, 342),
                Arguments.of(KeySpec.RSA_3072, EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256, 318),
                Arguments.of(KeySpec.RSA_4096, EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1, 470),
                Arguments.of(KeySpec.RSA_4096, EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256, 446));
    }

    @ParameterizedTest(name = "{0} {1} limit {2}")
    @MethodSource("limits")
    void plaintextAtTheLimit_roundTrips_oneMoreByteIsRefused(KeySpec spec, EncryptionAlgorithmSpec algorithm,
            int limit) {
        KeyMaterial key = TestKeys.of(spec);
        byte[] plaintext = SignVerifyTest.message(limit, limit);

        byte[] ciphertext = RsaEncryption.encrypt(key, ENCRYPT, algorithm, plaintext);

        assertThat(algorithm.maxPlaintextBytes(spec.bits())).isEqualTo(limit);
        assertThat(ciphertext).hasSize(spec.bits() / 8);
        assertThat(RsaEncryption.decrypt(key, ENCRYPT, algorithm, ciphertext)).isEqualTo(plaintext);
        assertThat(RsaEncryption.decrypt(key, ENCRYPT, algorithm, RsaEncryption.encrypt(key, ENCRYPT, algorithm,
                new byte[] {42}))).containsExactly(42);
        assertThatThrownBy(() -> RsaEncryption.encrypt(key, ENCRYPT, algorithm, new byte[limit + 1]))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("the limit is " + limit + " bytes");
    }

    @Test
    void encryptionIsRandomised() {
        KeyMaterial key = TestKeys.of(KeySpec.RSA_2048);
        byte[] plaintext = {1, 2, 3};

        assertThat(RsaEncryption.encrypt(key, ENCRYPT, EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256, plaintext))
                .isNotEqualTo(RsaEncryption.encrypt(key, ENCRYPT, EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256, plaintext));
    }

    @Test
    void tamperedTruncatedOrWrongAlgorithmCiphertext_isInvalidCiphertext() {
        KeyMaterial key = TestKeys.of(KeySpec.RSA_2048);
        byte[] ciphertext = RsaEncryption.encrypt(key, ENCRYPT, EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256, new byte[16]);
        byte[] tampered = ciphertext.clone();
        tampered[100] ^= 0x40;

        for (byte[] bad : new byte[][] {tampered, Arrays.copyOf(ciphertext, 255), Arrays.copyOf(ciphertext, 257)}) {
            assertThatThrownBy(() -> RsaEncryption.decrypt(key, ENCRYPT, EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256, bad))
                    .isInstanceOf(InvalidCiphertextException.class)
                    .hasMessage("The ciphertext is invalid for this KMS key and encryption algorithm.");
        }
        assertThatThrownBy(() -> RsaEncryption.decrypt(key, ENCRYPT, EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1,
                ciphertext)).isInstanceOf(InvalidCiphertextException.class);
        assertThatThrownBy(() -> RsaEncryption.decrypt(TestKeys.of(KeySpec.RSA_3072), ENCRYPT,
                EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256, Arrays.copyOf(ciphertext, 384)))
                .isInstanceOf(InvalidCiphertextException.class);
    }

    @Test
    void emptyPlaintextOrCiphertext_isValidationException() {
        KeyMaterial key = TestKeys.of(KeySpec.RSA_2048);
        assertThatThrownBy(() -> RsaEncryption.encrypt(key, ENCRYPT, EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1,
                new byte[0])).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> RsaEncryption.decrypt(key, ENCRYPT, EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1,
                new byte[0])).isInstanceOf(ValidationException.class);
    }

    @Test
    void signingKeyOrSymmetricAlgorithm_isInvalidKeyUsage() {
        KeyMaterial key = TestKeys.of(KeySpec.RSA_2048);
        assertThatThrownBy(() -> RsaEncryption.encrypt(key, KeyUsage.SIGN_VERIFY,
                EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256, new byte[4]))
                .isInstanceOf(InvalidKeyUsageException.class).hasMessageContaining("not valid for Encrypt");
        assertThatThrownBy(() -> RsaEncryption.encrypt(key, ENCRYPT, EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT,
                new byte[4])).isInstanceOf(InvalidKeyUsageException.class)
                .hasMessage("The encryption algorithm SYMMETRIC_DEFAULT is not compatible with KMS keys with KeySpec "
                        + "RSA_2048.");
        assertThatThrownBy(() -> RsaEncryption.decrypt(TestKeys.of(KeySpec.ECC_NIST_P256), ENCRYPT,
                EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256, new byte[256])).isInstanceOf(InvalidKeyUsageException.class);
    }
}
