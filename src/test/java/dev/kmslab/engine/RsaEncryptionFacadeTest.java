package dev.kmslab.engine;

import static dev.kmslab.engine.EngineFixture.ROOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.error.InvalidCiphertextException;
import dev.kmslab.engine.error.InvalidKeyUsageException;
import dev.kmslab.engine.error.ValidationException;
import dev.kmslab.engine.model.DecryptRequest;
import dev.kmslab.engine.model.DecryptResult;
import dev.kmslab.engine.model.DescribeKeyRequest;
import dev.kmslab.engine.model.EncryptRequest;
import dev.kmslab.engine.model.EncryptResult;
import dev.kmslab.engine.model.EncryptionAlgorithmSpec;
import dev.kmslab.engine.model.GenerateDataKeyRequest;
import dev.kmslab.engine.model.GetPublicKeyRequest;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.ReEncryptRequest;
import dev.kmslab.engine.model.ReEncryptResult;
import dev.kmslab.engine.model.SignRequest;
import dev.kmslab.engine.model.SigningAlgorithmSpec;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Map;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Encrypt, Decrypt and ReEncrypt with RSA ENCRYPT_DECRYPT keys through the facade: raw RSAES-OAEP ciphertext, the
 * algorithm required and matched, KeyId required to decrypt, AWS's plaintext limits.
 */
class RsaEncryptionFacadeTest {

    private static final FacadeKeys KEYS = new FacadeKeys();

    /** Spec, algorithm, and the largest plaintext AWS accepts (k - 2*hLen - 2). */
    static Stream<Arguments> combinations() {
        return Stream.of(
                Arguments.of(KeySpec.RSA_2048, EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1, 214),
                Arguments.of(KeySpec.RSA_2048, EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256, 190),
                Arguments.of(KeySpec.RSA_3072, EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1, 342),
                Arguments.of(KeySpec.RSA_3072, EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256, 318),
                Arguments.of(KeySpec.RSA_4096, EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1, 470),
                Arguments.of(KeySpec.RSA_4096, EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256, 446));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("combinations")
    void roundTrip_atTheLimit_andOneByteOverIsRefused(KeySpec spec, EncryptionAlgorithmSpec algorithm, int limit) {
        String keyId = KEYS.encryption(spec);
        byte[] plaintext = new byte[limit];
        plaintext[0] = 7;
        plaintext[limit - 1] = 9;

        EncryptResult encrypted = KEYS.engine.encrypt(ROOT, new EncryptRequest(keyId, plaintext, null, algorithm));
        assertThat(encrypted.ciphertextBlob()).hasSize(spec == KeySpec.RSA_2048 ? 256 : spec == KeySpec.RSA_3072
                ? 384 : 512);
        assertThat(encrypted.encryptionAlgorithm()).isEqualTo(algorithm);
        DecryptResult decrypted = KEYS.engine.decrypt(ROOT, new DecryptRequest(encrypted.ciphertextBlob(), null,
                keyId, algorithm));
        assertThat(decrypted.plaintext()).isEqualTo(plaintext);
        assertThat(decrypted.keyId()).isEqualTo(KEYS.fixture.arn(keyId));
        assertThat(decrypted.encryptionAlgorithm()).isEqualTo(algorithm);

        assertThatThrownBy(() -> KEYS.engine.encrypt(ROOT, new EncryptRequest(keyId, new byte[limit + 1], null,
                algorithm))).isInstanceOf(ValidationException.class).hasMessageContaining("limit is " + limit);
    }

    @Test
    void ciphertextMadeOutsideKmsWithThePublicKey_decrypts() throws Exception {
        String keyId = KEYS.encryption(KeySpec.RSA_2048);
        byte[] der = KEYS.engine.getPublicKey(ROOT, new GetPublicKeyRequest(keyId)).publicKey();
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key, new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
                PSource.PSpecified.DEFAULT));
        byte[] blob = cipher.doFinal(new byte[] {1, 2, 3});

        assertThat(KEYS.engine.decrypt(ROOT, new DecryptRequest(blob, null, keyId,
                EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256)).plaintext()).containsExactly(1, 2, 3);
    }

    @Test
    void algorithmIsRequired_andMustMatch_andKeyIdIsRequiredToDecrypt() {
        String keyId = KEYS.encryption(KeySpec.RSA_2048);
        byte[] blob = KEYS.engine.encrypt(ROOT, new EncryptRequest(keyId, new byte[] {5}, null,
                EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1)).ciphertextBlob();

        assertThatThrownBy(() -> KEYS.engine.encrypt(ROOT, EncryptRequest.of(keyId, new byte[] {5}, null)))
                .isInstanceOf(InvalidKeyUsageException.class).hasMessageContaining("SYMMETRIC_DEFAULT");
        assertThatThrownBy(() -> KEYS.engine.decrypt(ROOT, new DecryptRequest(blob, null, keyId,
                EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256))).isInstanceOf(InvalidCiphertextException.class);
        assertThatThrownBy(() -> KEYS.engine.decrypt(ROOT, DecryptRequest.of(blob, null)))
                .isInstanceOf(InvalidCiphertextException.class);
        byte[] tampered = blob.clone();
        tampered[10] ^= 1;
        assertThatThrownBy(() -> KEYS.engine.decrypt(ROOT, new DecryptRequest(tampered, null, keyId,
                EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1))).isInstanceOf(InvalidCiphertextException.class);
    }

    @Test
    void reEncrypt_betweenRsaAndSymmetricKeys_bothWays() {
        String rsa = KEYS.encryption(KeySpec.RSA_3072);
        String symmetric = KEYS.fixture.newKey();
        Map<String, String> context = Map.of("app", "lab");
        byte[] rsaBlob = KEYS.engine.encrypt(ROOT, new EncryptRequest(rsa, new byte[] {4, 2}, null,
                EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256)).ciphertextBlob();

        ReEncryptResult toSymmetric = KEYS.engine.reEncrypt(ROOT, new ReEncryptRequest(rsaBlob, null, rsa, symmetric,
                context, EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256, null));
        assertThat(toSymmetric.sourceEncryptionAlgorithm()).isEqualTo(EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256);
        assertThat(toSymmetric.destinationEncryptionAlgorithm()).isEqualTo(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT);
        assertThat(KEYS.engine.decrypt(ROOT, DecryptRequest.of(toSymmetric.ciphertextBlob(), context)).plaintext())
                .containsExactly(4, 2);

        ReEncryptResult back = KEYS.engine.reEncrypt(ROOT, new ReEncryptRequest(toSymmetric.ciphertextBlob(), context,
                null, rsa, null, null, EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1));
        assertThat(back.keyId()).isEqualTo(KEYS.fixture.arn(rsa));
        assertThat(KEYS.engine.decrypt(ROOT, new DecryptRequest(back.ciphertextBlob(), null, rsa,
                EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1)).plaintext()).containsExactly(4, 2);
    }

    @Test
    void wrongUsage_isInvalidKeyUsage() {
        String signing = KEYS.signing(KeySpec.RSA_2048);
        String encryption = KEYS.encryption(KeySpec.RSA_2048);

        assertThatThrownBy(() -> KEYS.engine.encrypt(ROOT, new EncryptRequest(signing, new byte[] {1}, null,
                EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1))).isInstanceOf(InvalidKeyUsageException.class);
        assertThatThrownBy(() -> KEYS.engine.generateDataKey(ROOT, GenerateDataKeyRequest.aes256(encryption, null)))
                .isInstanceOf(InvalidKeyUsageException.class).hasMessageContaining("symmetric encryption key");
        assertThatThrownBy(() -> KEYS.engine.sign(ROOT, SignRequest.raw(encryption, new byte[] {1},
                SigningAlgorithmSpec.RSASSA_PSS_SHA_256))).isInstanceOf(InvalidKeyUsageException.class);
        assertThat(KEYS.engine.describeKey(ROOT, new DescribeKeyRequest(encryption)).keyMetadata()
                .encryptionAlgorithms()).containsExactly(EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1,
                EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256);
    }
}
