package dev.kmslab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AlgorithmSpec;
import software.amazon.awssdk.services.kms.model.ExpirationModelType;
import software.amazon.awssdk.services.kms.model.GetParametersForImportResponse;
import software.amazon.awssdk.services.kms.model.ImportState;
import software.amazon.awssdk.services.kms.model.ImportType;
import software.amazon.awssdk.services.kms.model.IncludeKeyMaterial;
import software.amazon.awssdk.services.kms.model.KeyMaterialState;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.KmsInvalidStateException;
import software.amazon.awssdk.services.kms.model.OriginType;
import software.amazon.awssdk.services.kms.model.RotationType;
import software.amazon.awssdk.services.kms.model.RotationsListEntry;
import software.amazon.awssdk.services.kms.model.WrappingKeySpec;

/**
 * Bring your own key material through the real SDK: wrap with the JDK's RSA-OAEP, import, use, delete, and import
 * new material for an on-demand rotation.
 */
class SdkImportTest {

    private static ServerFixture fixture;
    private static KmsClient kms;

    @BeforeAll
    static void start() throws Exception {
        fixture = new ServerFixture();
        kms = fixture.sdk(fixture.root());
    }

    @AfterAll
    static void stop() {
        kms.close();
        fixture.close();
    }

    private static byte[] wrap(byte[] material, byte[] wrappingKeyDer) throws Exception {
        PublicKey wrappingKey = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(wrappingKeyDer));
        Cipher oaep = Cipher.getInstance("RSA/ECB/OAEPPadding");
        oaep.init(Cipher.ENCRYPT_MODE, wrappingKey, new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
                PSource.PSpecified.DEFAULT));
        return oaep.doFinal(material);
    }

    @Test
    void importedMaterial_encryptsUntilDeleted_andDescribeKeyShowsItsExpiry() throws Exception {
        String keyId = kms.createKey(b -> b.origin(OriginType.EXTERNAL)).keyMetadata().keyId();
        assertThat(kms.describeKey(b -> b.keyId(keyId)).keyMetadata().keyState()).isEqualTo(KeyState.PENDING_IMPORT);

        GetParametersForImportResponse params = kms.getParametersForImport(b -> b.keyId(keyId)
                .wrappingAlgorithm(AlgorithmSpec.RSAES_OAEP_SHA_256).wrappingKeySpec(WrappingKeySpec.RSA_2048));
        assertThat(params.parametersValidTo()).isAfter(Instant.now().plus(23, ChronoUnit.HOURS));
        byte[] material = new byte[32];
        new SecureRandom().nextBytes(material);
        Instant validTo = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

        SdkBytes wrapped = SdkBytes.fromByteArray(wrap(material, params.publicKey().asByteArray()));
        kms.importKeyMaterial(b -> b.keyId(keyId).importToken(params.importToken()).encryptedKeyMaterial(wrapped)
                .expirationModel(ExpirationModelType.KEY_MATERIAL_EXPIRES).validTo(validTo));

        KeyMetadata meta = kms.describeKey(b -> b.keyId(keyId)).keyMetadata();
        assertThat(meta.keyState()).isEqualTo(KeyState.ENABLED);
        assertThat(meta.origin()).isEqualTo(OriginType.EXTERNAL);
        assertThat(meta.expirationModel()).isEqualTo(ExpirationModelType.KEY_MATERIAL_EXPIRES);
        assertThat(meta.validTo()).isEqualTo(validTo);
        SdkBytes ciphertext = kms.encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromUtf8String("byok")))
                .ciphertextBlob();
        assertThat(kms.decrypt(b -> b.ciphertextBlob(ciphertext)).plaintext().asUtf8String()).isEqualTo("byok");

        kms.deleteImportedKeyMaterial(b -> b.keyId(keyId));
        assertThat(kms.describeKey(b -> b.keyId(keyId)).keyMetadata().keyState()).isEqualTo(KeyState.PENDING_IMPORT);
        assertThatThrownBy(() -> kms.decrypt(b -> b.ciphertextBlob(ciphertext)))
                .isInstanceOf(KmsInvalidStateException.class);
    }

    /** SDK 2.57.8 knows ImportType, KeyMaterialId and the key-material fields of ListKeyRotations. */
    @Test
    void newKeyMaterial_rotatesInOnDemand_andListKeyRotationsShowsEveryMaterial() throws Exception {
        String keyId = kms.createKey(b -> b.origin(OriginType.EXTERNAL)).keyMetadata().keyId();
        String first = importMaterial(keyId, ImportType.EXISTING_KEY_MATERIAL, null);
        SdkBytes underFirst = kms.encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromUtf8String("first")))
                .ciphertextBlob();
        String second = importMaterial(keyId, ImportType.NEW_KEY_MATERIAL, "second");

        List<RotationsListEntry> pending = kms.listKeyRotations(b -> b.keyId(keyId)
                .includeKeyMaterial(IncludeKeyMaterial.ALL_KEY_MATERIAL)).rotations();
        assertThat(pending).extracting(RotationsListEntry::keyMaterialId).containsExactly(first, second);
        assertThat(pending).extracting(RotationsListEntry::keyMaterialState)
                .containsExactly(KeyMaterialState.CURRENT, KeyMaterialState.PENDING_ROTATION);
        assertThat(pending.get(1).importState()).isEqualTo(ImportState.IMPORTED);
        assertThat(pending.get(1).keyMaterialDescription()).isEqualTo("second");
        assertThat(pending.get(1).rotationDate()).isNull();

        kms.rotateKeyOnDemand(b -> b.keyId(keyId));

        assertThat(kms.describeKey(b -> b.keyId(keyId)).keyMetadata().currentKeyMaterialId()).isEqualTo(second);
        RotationsListEntry rotation = kms.listKeyRotations(b -> b.keyId(keyId)).rotations().get(0);
        assertThat(rotation.keyMaterialId()).isEqualTo(second);
        assertThat(rotation.rotationType()).isEqualTo(RotationType.ON_DEMAND);
        assertThat(kms.decrypt(b -> b.ciphertextBlob(underFirst)).plaintext().asUtf8String()).isEqualTo("first");

        assertThat(kms.deleteImportedKeyMaterial(b -> b.keyId(keyId).keyMaterialId(second)).keyMaterialId())
                .isEqualTo(second);
        assertThat(kms.describeKey(b -> b.keyId(keyId)).keyMetadata().keyState()).isEqualTo(KeyState.PENDING_IMPORT);
        assertThatThrownBy(() -> kms.rotateKeyOnDemand(b -> b.keyId(keyId)))
                .isInstanceOf(KmsInvalidStateException.class);
    }

    private String importMaterial(String keyId, ImportType type, String description) throws Exception {
        GetParametersForImportResponse params = kms.getParametersForImport(b -> b.keyId(keyId)
                .wrappingAlgorithm(AlgorithmSpec.RSAES_OAEP_SHA_256).wrappingKeySpec(WrappingKeySpec.RSA_2048));
        byte[] material = new byte[32];
        new SecureRandom().nextBytes(material);
        SdkBytes wrapped = SdkBytes.fromByteArray(wrap(material, params.publicKey().asByteArray()));
        return kms.importKeyMaterial(b -> b.keyId(keyId).importToken(params.importToken())
                .encryptedKeyMaterial(wrapped).expirationModel(ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE)
                .importType(type).keyMaterialDescription(description)).keyMaterialId();
    }
}
