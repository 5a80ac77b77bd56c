package dev.kmslab.engine;

import static dev.kmslab.engine.EngineFixture.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.DecryptRequest;
import dev.kmslab.engine.model.DescribeKeyRequest;
import dev.kmslab.engine.model.EncryptRequest;
import dev.kmslab.engine.model.EncryptionAlgorithmSpec;
import dev.kmslab.engine.model.GenerateMacRequest;
import dev.kmslab.engine.model.GetPublicKeyRequest;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyUsage;
import dev.kmslab.engine.model.MacAlgorithmSpec;
import dev.kmslab.engine.model.MessageType;
import dev.kmslab.engine.model.SignRequest;
import dev.kmslab.engine.model.SigningAlgorithmSpec;
import dev.kmslab.engine.model.VerifyMacRequest;
import dev.kmslab.engine.model.VerifyRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Asymmetric and HMAC keys survive a restart: same public key, old signatures, MACs and ciphertexts still work. */
class AsymmetricPersistenceTest {

    private static final byte[] MESSAGE = "kept across restarts".getBytes(StandardCharsets.UTF_8);

    @Test
    void restart_keepsKeyPairsAndHmacKeys() {
        EngineFixture first = new EngineFixture();
        String ed = create(first, KeySpec.ECC_NIST_EDWARDS25519, KeyUsage.SIGN_VERIFY);
        String mlDsa = create(first, KeySpec.ML_DSA_44, KeyUsage.SIGN_VERIFY);
        String rsa = create(first, KeySpec.RSA_2048, KeyUsage.ENCRYPT_DECRYPT);
        String hmac = create(first, KeySpec.HMAC_384, KeyUsage.GENERATE_VERIFY_MAC);
        byte[] edPublic = first.engine.getPublicKey(ROOT, new GetPublicKeyRequest(ed)).publicKey();
        byte[] edSignature = first.engine.sign(ROOT, SignRequest.raw(ed, MESSAGE,
                SigningAlgorithmSpec.ED25519_SHA_512)).signature();
        byte[] mlDsaSignature = first.engine.sign(ROOT, SignRequest.raw(mlDsa, MESSAGE,
                SigningAlgorithmSpec.ML_DSA_SHAKE_256)).signature();
        byte[] rsaBlob = first.engine.encrypt(ROOT, new EncryptRequest(rsa, MESSAGE, null,
                EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256)).ciphertextBlob();
        byte[] mac = first.engine.generateMac(ROOT, new GenerateMacRequest(MESSAGE, hmac,
                MacAlgorithmSpec.HMAC_SHA_384)).mac();

        KmsEngine restarted = first.open(first.storage);

        assertThat(restarted.getPublicKey(ROOT, new GetPublicKeyRequest(ed)).publicKey()).isEqualTo(edPublic);
        // Ed25519 is deterministic: the same key signs the same message to the same bytes.
        assertThat(restarted.sign(ROOT, SignRequest.raw(ed, MESSAGE, SigningAlgorithmSpec.ED25519_SHA_512))
                .signature()).isEqualTo(edSignature);
        assertThat(restarted.verify(ROOT, new VerifyRequest(mlDsa, MESSAGE, MessageType.RAW, mlDsaSignature,
                SigningAlgorithmSpec.ML_DSA_SHAKE_256)).signatureValid()).isTrue();
        assertThat(restarted.decrypt(ROOT, new DecryptRequest(rsaBlob, null, rsa,
                EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256)).plaintext()).isEqualTo(MESSAGE);
        assertThat(restarted.verifyMac(ROOT, new VerifyMacRequest(MESSAGE, hmac, MacAlgorithmSpec.HMAC_SHA_384, mac))
                .macValid()).isTrue();
        assertThat(restarted.describeKey(ROOT, new DescribeKeyRequest(hmac)).keyMetadata().keySpec())
                .isEqualTo(KeySpec.HMAC_384);
    }

    @Test
    void document_holdsTheMaterialOnlyInItsMaterialMembers_andSymmetricKeysLookAsBefore() throws Exception {
        EngineFixture f = new EngineFixture();
        f.newKey();
        create(f, KeySpec.HMAC_256, KeyUsage.GENERATE_VERIFY_MAC);
        String document = new String(f.storage.load().orElseThrow(), StandardCharsets.UTF_8);

        assertThat(document).containsOnlyOnce("\"asymmetricMaterial\"");
        assertThat(document).doesNotContain("expirationModel").doesNotContain("validTo");
        assertThat(f.engine.generateMac(ROOT, new GenerateMacRequest(MESSAGE, create(f, KeySpec.HMAC_256,
                KeyUsage.GENERATE_VERIFY_MAC), MacAlgorithmSpec.HMAC_SHA_256)).toString())
                .doesNotContain(Base64.getEncoder().encodeToString(MESSAGE))
                .doesNotContain(HexFormat.of().formatHex(MESSAGE));
    }

    private static String create(EngineFixture f, KeySpec spec, KeyUsage usage) {
        return f.engine.createKey(ROOT, new CreateKeyRequest(null, usage, spec, null, null)).keyMetadata().keyId();
    }
}
