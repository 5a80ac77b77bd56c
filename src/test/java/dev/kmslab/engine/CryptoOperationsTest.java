package dev.kmslab.engine;

import static dev.kmslab.engine.EngineFixture.CONTEXT;
import static dev.kmslab.engine.EngineFixture.ROOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.error.IncorrectKeyException;
import dev.kmslab.engine.error.InvalidCiphertextException;
import dev.kmslab.engine.error.InvalidKeyUsageException;
import dev.kmslab.engine.model.CreateAliasRequest;
import dev.kmslab.engine.model.DataKeySpec;
import dev.kmslab.engine.model.DecryptRequest;
import dev.kmslab.engine.model.DecryptResult;
import dev.kmslab.engine.model.EncryptRequest;
import dev.kmslab.engine.model.EncryptResult;
import dev.kmslab.engine.model.EncryptionAlgorithmSpec;
import dev.kmslab.engine.model.GenerateDataKeyRequest;
import dev.kmslab.engine.model.GenerateDataKeyResult;
import dev.kmslab.engine.model.GenerateDataKeyWithoutPlaintextResult;
import dev.kmslab.engine.model.GenerateRandomRequest;
import dev.kmslab.engine.model.ReEncryptRequest;
import dev.kmslab.engine.model.ReEncryptResult;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CryptoOperationsTest {

    private final EngineFixture f = new EngineFixture();
    private final String keyId = f.newKey();

    @Test
    void encryptThenDecrypt_returnsPlaintextKeyArnAndAlgorithm() {
        EncryptResult encrypted = f.engine.encrypt(ROOT, EncryptRequest.of(keyId, bytes("hello"), CONTEXT));

        DecryptResult decrypted = f.engine.decrypt(ROOT, DecryptRequest.of(encrypted.ciphertextBlob(), CONTEXT));

        assertThat(encrypted.keyId()).isEqualTo(f.arn(keyId));
        assertThat(encrypted.encryptionAlgorithm()).isEqualTo(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT);
        assertThat(decrypted.plaintext()).isEqualTo(bytes("hello"));
        assertThat(decrypted.keyId()).isEqualTo(f.arn(keyId));
        assertThat(decrypted.encryptionAlgorithm()).isEqualTo(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT);
    }

    @Test
    void encrypt_acceptsKeyArnAliasNameAndAliasArn() {
        f.engine.createAlias(ROOT, new CreateAliasRequest("alias/app", keyId));
        String aliasArn = "arn:aws:kms:us-east-1:111122223333:alias/app";

        for (String id : new String[] {keyId, f.arn(keyId), "alias/app", aliasArn}) {
            byte[] blob = f.engine.encrypt(ROOT, EncryptRequest.of(id, bytes("x"), null)).ciphertextBlob();
            assertThat(f.engine.decrypt(ROOT, DecryptRequest.of(blob, null)).keyId()).isEqualTo(f.arn(keyId));
        }
    }

    @Test
    void encrypt_twice_givesDifferentBlobs() {
        assertThat(f.encrypt(keyId, "same")).isNotEqualTo(f.encrypt(keyId, "same"));
    }

    @Test
    void decrypt_withMatchingKeyIdInAnyForm_succeeds() {
        f.engine.createAlias(ROOT, new CreateAliasRequest("alias/app", keyId));
        byte[] blob = f.encrypt(keyId, "secret");

        for (String id : new String[] {keyId, f.arn(keyId), "alias/app"}) {
            assertThat(f.engine.decrypt(ROOT, new DecryptRequest(blob, CONTEXT, id, null)).plaintext())
                    .isEqualTo(bytes("secret"));
        }
    }

    @Test
    void decrypt_withOtherKeyId_isIncorrectKey() {
        String other = f.newKey();
        byte[] blob = f.encrypt(keyId, "secret");

        assertThatThrownBy(() -> f.engine.decrypt(ROOT, new DecryptRequest(blob, CONTEXT, other, null)))
                .isInstanceOf(IncorrectKeyException.class)
                .hasMessage("The key ID in the request does not identify a KMS key that can perform this operation.");
    }

    @Test
    void decrypt_withDifferentContext_isInvalidCiphertext() {
        byte[] blob = f.encrypt(keyId, "secret");

        assertThatThrownBy(() -> f.engine.decrypt(ROOT, DecryptRequest.of(blob, Map.of("purpose", "test"))))
                .isInstanceOf(InvalidCiphertextException.class);
        assertThatThrownBy(() -> f.engine.decrypt(ROOT, DecryptRequest.of(blob, null)))
                .isInstanceOf(InvalidCiphertextException.class);
    }

    @Test
    void contextOrder_doesNotMatter() {
        Map<String, String> reordered = new java.util.LinkedHashMap<>();
        reordered.put("tenant", "acme");
        reordered.put("purpose", "test");
        byte[] blob = f.encrypt(keyId, "secret");

        assertThat(f.engine.decrypt(ROOT, DecryptRequest.of(blob, reordered)).plaintext()).isEqualTo(bytes("secret"));
    }

    @Test
    void contextCollision_abC_versus_aBc_isDetected() {
        byte[] blob = f.engine.encrypt(ROOT, EncryptRequest.of(keyId, bytes("p"), Map.of("ab", "c")))
                .ciphertextBlob();

        assertThatThrownBy(() -> f.engine.decrypt(ROOT, DecryptRequest.of(blob, Map.of("a", "bc"))))
                .isInstanceOf(InvalidCiphertextException.class);
        assertThat(f.engine.decrypt(ROOT, DecryptRequest.of(blob, Map.of("ab", "c"))).plaintext())
                .isEqualTo(bytes("p"));
    }

    @Test
    void encrypt_withAsymmetricAlgorithm_isInvalidKeyUsage() {
        assertThatThrownBy(() -> f.engine.encrypt(ROOT, new EncryptRequest(keyId, bytes("x"), null,
                EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256)))
                .isInstanceOf(InvalidKeyUsageException.class);
    }

    @Test
    void reEncrypt_movesCiphertextToAnotherKeyAndContext() {
        String destination = f.newKey();
        byte[] blob = f.encrypt(keyId, "moving");

        ReEncryptResult moved = f.engine.reEncrypt(ROOT, ReEncryptRequest.of(blob, CONTEXT, destination,
                Map.of("new", "ctx")));

        assertThat(moved.sourceKeyId()).isEqualTo(f.arn(keyId));
        assertThat(moved.keyId()).isEqualTo(f.arn(destination));
        assertThat(f.engine.decrypt(ROOT, DecryptRequest.of(moved.ciphertextBlob(), Map.of("new", "ctx")))
                .plaintext()).isEqualTo(bytes("moving"));
    }

    @Test
    void generateDataKey_plaintextMatchesWhatCiphertextDecryptsTo() {
        GenerateDataKeyResult dataKey = f.engine.generateDataKey(ROOT, GenerateDataKeyRequest.aes256(keyId, CONTEXT));

        byte[] recovered = f.engine.decrypt(ROOT, DecryptRequest.of(dataKey.ciphertextBlob(), CONTEXT)).plaintext();

        assertThat(dataKey.plaintext()).hasSize(32).isEqualTo(recovered);
        assertThat(dataKey.keyId()).isEqualTo(f.arn(keyId));
        assertThat(dataKey.toString()).doesNotContain(java.util.Arrays.toString(dataKey.plaintext()));
        dataKey.destroyPlaintext();
        assertThat(dataKey.plaintext()).containsOnly(0);
    }

    @Test
    void generateDataKey_sizes() {
        assertThat(f.engine.generateDataKey(ROOT, new GenerateDataKeyRequest(keyId, null, null, DataKeySpec.AES_128))
                .plaintext()).hasSize(16);
        assertThat(f.engine.generateDataKey(ROOT, new GenerateDataKeyRequest(keyId, null, 1024, null))
                .plaintext()).hasSize(1024);
    }

    @Test
    void generateDataKeyWithoutPlaintext_returnsDecryptableBlobOnly() {
        GenerateDataKeyWithoutPlaintextResult result = f.engine.generateDataKeyWithoutPlaintext(ROOT,
                new GenerateDataKeyRequest(keyId, CONTEXT, 64, null));

        assertThat(f.engine.decrypt(ROOT, DecryptRequest.of(result.ciphertextBlob(), CONTEXT)).plaintext())
                .hasSize(64);
        assertThat(result.keyId()).isEqualTo(f.arn(keyId));
    }

    @Test
    void generateRandom_returnsRequestedLength() {
        byte[] a = f.engine.generateRandom(ROOT, new GenerateRandomRequest(48)).plaintext();
        byte[] b = f.engine.generateRandom(ROOT, new GenerateRandomRequest(48)).plaintext();

        assertThat(a).hasSize(48).isNotEqualTo(b);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
