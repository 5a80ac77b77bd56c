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
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.KmsInvalidStateException;
import software.amazon.awssdk.services.kms.model.OriginType;
import software.amazon.awssdk.services.kms.model.WrappingKeySpec;

/** Bring your own key material through the real SDK: wrap with the JDK's RSA-OAEP, import, use, delete. */
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
}
