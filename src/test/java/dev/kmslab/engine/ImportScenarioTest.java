package dev.kmslab.engine;

import static dev.kmslab.engine.EngineFixture.ROOT;
import static dev.kmslab.engine.EngineFixture.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.audit.AuditQuery;
import dev.kmslab.engine.error.ExpiredImportTokenException;
import dev.kmslab.engine.error.IncorrectKeyMaterialException;
import dev.kmslab.engine.error.InvalidImportTokenException;
import dev.kmslab.engine.error.KMSInvalidStateException;
import dev.kmslab.engine.error.UnsupportedOperationException;
import dev.kmslab.engine.error.ValidationException;
import dev.kmslab.engine.model.AlgorithmSpec;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.DeleteImportedKeyMaterialRequest;
import dev.kmslab.engine.model.DescribeKeyRequest;
import dev.kmslab.engine.model.EnableKeyRotationRequest;
import dev.kmslab.engine.model.ExpirationModelType;
import dev.kmslab.engine.model.GenerateMacRequest;
import dev.kmslab.engine.model.GetParametersForImportRequest;
import dev.kmslab.engine.model.GetParametersForImportResult;
import dev.kmslab.engine.model.ImportKeyMaterialRequest;
import dev.kmslab.engine.model.KeyMetadata;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyState;
import dev.kmslab.engine.model.KeyUsage;
import dev.kmslab.engine.model.MacAlgorithmSpec;
import dev.kmslab.engine.model.OriginType;
import dev.kmslab.engine.model.SignRequest;
import dev.kmslab.engine.model.SigningAlgorithmSpec;
import dev.kmslab.engine.model.WrappingKeySpec;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Bring-your-own-key scenarios through the facade, on the simulated engine clock. */
class ImportScenarioTest {

    private final EngineFixture f = new EngineFixture();
    private final byte[] material = bytes(32, 0x5a);

    @Test
    void importExpireReimport_theWholeLifecycle() {
        String keyId = externalKey(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT);
        assertThat(describe(keyId).keyState()).isEqualTo(KeyState.PendingImport);
        assertThat(describe(keyId).origin()).isEqualTo(OriginType.EXTERNAL);
        assertThat(describe(keyId).currentKeyMaterialId()).isNull();
        assertThatThrownBy(() -> f.encrypt(keyId, "too early")).isInstanceOf(KMSInvalidStateException.class)
                .hasMessage(f.arn(keyId) + " is pending import.");

        GetParametersForImportResult params = parameters(keyId, AlgorithmSpec.RSAES_OAEP_SHA_256);
        assertThat(params.parametersValidTo()).isEqualTo(START.plus(Duration.ofHours(24)));
        Instant validTo = START.plus(Duration.ofDays(10));
        f.engine.importKeyMaterial(ROOT, new ImportKeyMaterialRequest(keyId, params.importToken(),
                wrap(params, AlgorithmSpec.RSAES_OAEP_SHA_256, material), validTo, null));

        KeyMetadata imported = describe(keyId);
        assertThat(imported.keyState()).isEqualTo(KeyState.Enabled);
        assertThat(imported.expirationModel()).isEqualTo(ExpirationModelType.KEY_MATERIAL_EXPIRES);
        assertThat(imported.validTo()).isEqualTo(validTo);
        assertThat(imported.currentKeyMaterialId()).hasSize(64);
        byte[] blob = f.encrypt(keyId, "before expiry");
        assertThat(f.engine.nextEvent().orElseThrow().eventName()).isEqualTo("DeleteExpiredKeyMaterial");

        f.engine.advanceClock(Duration.ofDays(11));

        assertThat(describe(keyId).keyState()).isEqualTo(KeyState.PendingImport);
        assertThat(describe(keyId).validTo()).isNull();
        assertThat(f.audit.query(AuditQuery.all().forEvent("DeleteExpiredKeyMaterial"))).hasSize(1);
        assertThatThrownBy(() -> f.decrypt(blob)).isInstanceOf(KMSInvalidStateException.class);

        GetParametersForImportResult again = parameters(keyId, AlgorithmSpec.RSA_AES_KEY_WRAP_SHA_256);
        assertThatThrownBy(() -> f.engine.importKeyMaterial(ROOT, ImportKeyMaterialRequest.withoutExpiry(keyId,
                again.importToken(), wrap(again, AlgorithmSpec.RSA_AES_KEY_WRAP_SHA_256, bytes(32, 0x11)))))
                .isInstanceOf(IncorrectKeyMaterialException.class);
        f.engine.importKeyMaterial(ROOT, ImportKeyMaterialRequest.withoutExpiry(keyId, again.importToken(),
                wrap(again, AlgorithmSpec.RSA_AES_KEY_WRAP_SHA_256, material)));

        assertThat(describe(keyId).keyState()).isEqualTo(KeyState.Enabled);
        assertThat(describe(keyId).currentKeyMaterialId()).isEqualTo(imported.currentKeyMaterialId());
        assertThat(describe(keyId).expirationModel()).isEqualTo(ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE);
        assertThat(f.decrypt(blob)).isEqualTo("before expiry");
        assertThat(f.engine.nextEvent()).isEmpty();
    }

    @Test
    void deleteImportedKeyMaterial_returnsTheKeyToPendingImport_untilTheSameMaterialReturns() throws Exception {
        String keyId = importedKey(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT, material);
        byte[] blob = f.encrypt(keyId, "kept");

        f.engine.deleteImportedKeyMaterial(ROOT, new DeleteImportedKeyMaterialRequest(keyId));

        assertThat(describe(keyId).keyState()).isEqualTo(KeyState.PendingImport);
        assertThatThrownBy(() -> f.decrypt(blob)).isInstanceOf(KMSInvalidStateException.class);
        String document = new String(f.storage.load().orElseThrow(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(document).doesNotContain(java.util.Base64.getEncoder().encodeToString(material));
        GetParametersForImportResult params = parameters(keyId, AlgorithmSpec.RSAES_OAEP_SHA_1);
        f.engine.importKeyMaterial(ROOT, ImportKeyMaterialRequest.withoutExpiry(keyId, params.importToken(),
                wrap(params, AlgorithmSpec.RSAES_OAEP_SHA_1, material)));
        assertThat(f.decrypt(blob)).isEqualTo("kept");
    }

    @Test
    void importTokens_expireAfter24Hours_andBelongToOneKey() {
        String keyId = externalKey(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT);
        String other = externalKey(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT);
        GetParametersForImportResult params = parameters(keyId, AlgorithmSpec.RSAES_OAEP_SHA_256);
        byte[] wrapped = wrap(params, AlgorithmSpec.RSAES_OAEP_SHA_256, material);

        assertThatThrownBy(() -> f.engine.importKeyMaterial(ROOT, ImportKeyMaterialRequest.withoutExpiry(other,
                params.importToken(), wrapped))).isInstanceOf(InvalidImportTokenException.class);
        assertThatThrownBy(() -> f.engine.importKeyMaterial(ROOT, ImportKeyMaterialRequest.withoutExpiry(keyId,
                bytes(48, 1), wrapped))).isInstanceOf(InvalidImportTokenException.class);
        f.engine.advanceClock(Duration.ofHours(24));
        assertThatThrownBy(() -> f.engine.importKeyMaterial(ROOT, ImportKeyMaterialRequest.withoutExpiry(keyId,
                params.importToken(), wrapped))).isInstanceOf(ExpiredImportTokenException.class);
        assertThat(describe(keyId).keyState()).isEqualTo(KeyState.PendingImport);
    }

    @Test
    void validTo_andOrigin_andWrappingRules_areChecked() {
        String keyId = externalKey(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT);
        GetParametersForImportResult params = parameters(keyId, AlgorithmSpec.RSAES_OAEP_SHA_256);
        byte[] wrapped = wrap(params, AlgorithmSpec.RSAES_OAEP_SHA_256, material);

        assertThatThrownBy(() -> f.engine.importKeyMaterial(ROOT, new ImportKeyMaterialRequest(keyId,
                params.importToken(), wrapped, null, ExpirationModelType.KEY_MATERIAL_EXPIRES)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("ValidTo is required");
        assertThatThrownBy(() -> f.engine.importKeyMaterial(ROOT, new ImportKeyMaterialRequest(keyId,
                params.importToken(), wrapped, START.plus(Duration.ofDays(366)), null)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("365 days");
        assertThatThrownBy(() -> f.engine.importKeyMaterial(ROOT, new ImportKeyMaterialRequest(keyId,
                params.importToken(), wrapped, START.plusSeconds(60),
                ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> f.engine.importKeyMaterial(ROOT, ImportKeyMaterialRequest.withoutExpiry(keyId,
                params.importToken(), wrap(params, AlgorithmSpec.RSAES_OAEP_SHA_256, bytes(16, 3)))))
                .isInstanceOf(IncorrectKeyMaterialException.class).hasMessageContaining("32 bytes");
        String imported = importedKey(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT, material);
        assertThatThrownBy(() -> f.engine.enableKeyRotation(ROOT, new EnableKeyRotationRequest(imported, null)))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> parameters(f.newKey(), AlgorithmSpec.RSAES_OAEP_SHA_256))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("EXTERNAL");
        String rsa = externalKey(KeySpec.RSA_2048, KeyUsage.SIGN_VERIFY);
        assertThatThrownBy(() -> parameters(rsa, AlgorithmSpec.RSAES_OAEP_SHA_256))
                .isInstanceOf(ValidationException.class).hasMessageContaining("RSA_AES_KEY_WRAP");
        assertThatThrownBy(() -> parameters(keyId, AlgorithmSpec.RSAES_PKCS1_V1_5))
                .isInstanceOf(ValidationException.class);
    }

    /** An RSA signing key pair made outside KMS, imported with RSA_AES_KEY_WRAP, signs for the outside public key. */
    @Test
    void importedRsaKeyPair_signsVerifiablyForItsOwnPublicKey() throws Exception {
        KeyPair pair = ImportWrapperTest.rsa(2048);
        String keyId = importedKey(KeySpec.RSA_2048, KeyUsage.SIGN_VERIFY, pair.getPrivate().getEncoded());
        byte[] message = {1, 2, 3};

        byte[] signature = f.engine.sign(ROOT, SignRequest.raw(keyId, message,
                SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256)).signature();

        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(pair.getPublic());
        verifier.update(message);
        assertThat(verifier.verify(signature)).isTrue();
    }

    /** With known HMAC material the facade's MAC equals the JDK's: a known answer through the whole import path. */
    @Test
    void importedHmacKey_macsLikeTheJdkWithTheSameKey() throws Exception {
        byte[] hmacKey = bytes(32, 0x0b);
        String keyId = importedKey(KeySpec.HMAC_256, KeyUsage.GENERATE_VERIFY_MAC, hmacKey);
        byte[] message = "Hi There".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        Mac jdk = Mac.getInstance("HmacSHA256");
        jdk.init(new SecretKeySpec(hmacKey, "HmacSHA256"));
        assertThat(f.engine.generateMac(ROOT, new GenerateMacRequest(message, keyId, MacAlgorithmSpec.HMAC_SHA_256))
                .mac()).isEqualTo(jdk.doFinal(message));
    }

    @Test
    void pendingImportKeys_refuseTheNewOperationsToo() {
        String keyId = externalKey(KeySpec.ECC_NIST_P256, KeyUsage.SIGN_VERIFY);
        assertThatThrownBy(() -> f.engine.sign(ROOT, SignRequest.raw(keyId, new byte[] {1},
                SigningAlgorithmSpec.ECDSA_SHA_256))).isInstanceOf(KMSInvalidStateException.class)
                .hasMessage(f.arn(keyId) + " is pending import.");
    }

    @Test
    void restart_keepsImportedMaterialAndItsExpiry() {
        String keyId = externalKey(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT);
        GetParametersForImportResult params = parameters(keyId, AlgorithmSpec.RSAES_OAEP_SHA_256);
        f.engine.importKeyMaterial(ROOT, new ImportKeyMaterialRequest(keyId, params.importToken(),
                wrap(params, AlgorithmSpec.RSAES_OAEP_SHA_256, material), START.plus(Duration.ofDays(3)), null));
        byte[] blob = f.encrypt(keyId, "durable");

        KmsEngine restarted = f.open(f.storage);

        assertThat(restarted.decrypt(ROOT, dev.kmslab.engine.model.DecryptRequest.of(blob, EngineFixture.CONTEXT))
                .plaintext()).isEqualTo("durable".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(restarted.describeKey(ROOT, new DescribeKeyRequest(keyId)).keyMetadata().validTo())
                .isEqualTo(START.plus(Duration.ofDays(3)));
        restarted.advanceClock(Duration.ofDays(4));
        assertThat(restarted.describeKey(ROOT, new DescribeKeyRequest(keyId)).keyMetadata().keyState())
                .isEqualTo(KeyState.PendingImport);
    }

    private String externalKey(KeySpec spec, KeyUsage usage) {
        return f.engine.createKey(ROOT, new CreateKeyRequest(null, usage, spec, OriginType.EXTERNAL, null))
                .keyMetadata().keyId();
    }

    private String importedKey(KeySpec spec, KeyUsage usage, byte[] keyMaterial) {
        String keyId = externalKey(spec, usage);
        GetParametersForImportResult params = parameters(keyId, AlgorithmSpec.RSA_AES_KEY_WRAP_SHA_256);
        f.engine.importKeyMaterial(ROOT, ImportKeyMaterialRequest.withoutExpiry(keyId, params.importToken(),
                wrap(params, AlgorithmSpec.RSA_AES_KEY_WRAP_SHA_256, keyMaterial)));
        return keyId;
    }

    private GetParametersForImportResult parameters(String keyId, AlgorithmSpec algorithm) {
        return f.engine.getParametersForImport(ROOT, new GetParametersForImportRequest(keyId, algorithm,
                WrappingKeySpec.RSA_2048));
    }

    private static byte[] wrap(GetParametersForImportResult params, AlgorithmSpec algorithm, byte[] keyMaterial) {
        return ImportWrapper.wrap(params.publicKey(), algorithm, keyMaterial);
    }

    private KeyMetadata describe(String keyId) {
        return f.engine.describeKey(ROOT, new DescribeKeyRequest(keyId)).keyMetadata();
    }

    private static byte[] bytes(int length, int value) {
        byte[] out = new byte[length];
        java.util.Arrays.fill(out, (byte) value);
        return out;
    }
}
