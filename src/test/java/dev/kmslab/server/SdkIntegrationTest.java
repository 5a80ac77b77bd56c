package dev.kmslab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.server.auth.Credential;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.CreateKeyResponse;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.DisabledException;
import software.amazon.awssdk.services.kms.model.EncryptResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.ListKeyRotationsResponse;
import software.amazon.awssdk.services.kms.model.ListKeysResponse;
import software.amazon.awssdk.services.kms.model.NotFoundException;
import software.amazon.awssdk.services.kms.model.RotationType;
import software.amazon.awssdk.services.kms.model.ScheduleKeyDeletionResponse;
import software.amazon.awssdk.services.kms.model.Tag;
import software.amazon.awssdk.services.kms.model.UnsupportedOperationException;

/** The real AWS SDK for Java v2 KMS client against the endpoint, over loopback HTTP. */
class SdkIntegrationTest {

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

    private static String newKey(String description) {
        return kms.createKey(b -> b.description(description)).keyMetadata().keyId();
    }

    @Test
    void createKey_returnsMetadataInAwsShapes() {
        Instant before = Instant.now().minusSeconds(2);
        CreateKeyResponse created = kms.createKey(b -> b.description("orders")
                .tags(Tag.builder().tagKey("team").tagValue("payments").build()));
        KeyMetadata meta = created.keyMetadata();

        assertThat(meta.keyId()).matches("[0-9a-f-]{36}");
        assertThat(meta.arn()).isEqualTo("arn:aws:kms:us-east-1:111122223333:key/" + meta.keyId());
        assertThat(meta.awsAccountId()).isEqualTo("111122223333");
        assertThat(meta.creationDate()).isBetween(before, Instant.now().plusSeconds(2));
        assertThat(meta.enabled()).isTrue();
        assertThat(meta.keyStateAsString()).isEqualTo("Enabled");
        assertThat(meta.keyUsageAsString()).isEqualTo("ENCRYPT_DECRYPT");
        assertThat(meta.keySpecAsString()).isEqualTo("SYMMETRIC_DEFAULT");
        assertThat(meta.encryptionAlgorithmsAsStrings()).containsExactly("SYMMETRIC_DEFAULT");
        assertThat(meta.description()).isEqualTo("orders");
        assertThat(kms.listResourceTags(b -> b.keyId(meta.keyId())).tags())
                .containsExactly(Tag.builder().tagKey("team").tagValue("payments").build());
    }

    @Test
    void listKeys_pagesWithMarker() {
        newKey("page-a");
        newKey("page-b");
        ListKeysResponse first = kms.listKeys(b -> b.limit(1));
        assertThat(first.keys()).hasSize(1);
        assertThat(first.truncated()).isTrue();
        ListKeysResponse second = kms.listKeys(b -> b.limit(1).marker(first.nextMarker()));
        assertThat(second.keys()).hasSize(1);
        assertThat(second.keys().get(0).keyId()).isNotEqualTo(first.keys().get(0).keyId());
    }

    @Test
    void aliases_createDescribeUpdateDelete() {
        String first = newKey("alias-1");
        String second = newKey("alias-2");
        kms.createAlias(b -> b.aliasName("alias/sdk-app").targetKeyId(first));
        assertThat(kms.describeKey(b -> b.keyId("alias/sdk-app")).keyMetadata().keyId()).isEqualTo(first);

        kms.updateAlias(b -> b.aliasName("alias/sdk-app").targetKeyId(second));
        List<AliasListEntry> aliases = kms.listAliases(b -> b.keyId(second)).aliases();
        assertThat(aliases).extracting(AliasListEntry::aliasName).containsExactly("alias/sdk-app");
        assertThat(aliases.get(0).aliasArn()).isEqualTo("arn:aws:kms:us-east-1:111122223333:alias/sdk-app");

        kms.deleteAlias(b -> b.aliasName("alias/sdk-app"));
        assertThatThrownBy(() -> kms.describeKey(b -> b.keyId("alias/sdk-app")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void encryptDecrypt_withContext_roundTrips() {
        String keyId = newKey("crypto");
        Map<String, String> context = Map.of("tenant", "42", "purpose", "test");
        EncryptResponse encrypted = kms.encrypt(b -> b.keyId(keyId).encryptionContext(context)
                .plaintext(SdkBytes.fromString("hello kms", StandardCharsets.UTF_8)));
        assertThat(encrypted.keyId()).endsWith(keyId);
        assertThat(encrypted.encryptionAlgorithmAsString()).isEqualTo("SYMMETRIC_DEFAULT");

        DecryptResponse decrypted = kms.decrypt(b -> b.ciphertextBlob(encrypted.ciphertextBlob())
                .encryptionContext(context));
        assertThat(decrypted.plaintext().asUtf8String()).isEqualTo("hello kms");
        assertThat(decrypted.keyId()).isEqualTo(encrypted.keyId());
    }

    @Test
    void decrypt_withWrongContext_isInvalidCiphertext() {
        String keyId = newKey("context");
        SdkBytes blob = kms.encrypt(b -> b.keyId(keyId).encryptionContext(Map.of("a", "1"))
                .plaintext(SdkBytes.fromUtf8String("x"))).ciphertextBlob();
        assertThatThrownBy(() -> kms.decrypt(b -> b.ciphertextBlob(blob).encryptionContext(Map.of("a", "2"))))
                .isInstanceOf(InvalidCiphertextException.class)
                .satisfies(e -> assertThat(((KmsException) e).statusCode()).isEqualTo(400));
    }

    @Test
    void reEncrypt_movesCiphertextToAnotherKey() {
        String source = newKey("re-src");
        String destination = newKey("re-dst");
        SdkBytes blob = kms.encrypt(b -> b.keyId(source).plaintext(SdkBytes.fromUtf8String("moving"))).ciphertextBlob();
        SdkBytes moved = kms.reEncrypt(b -> b.ciphertextBlob(blob).destinationKeyId(destination)).ciphertextBlob();
        DecryptResponse decrypted = kms.decrypt(b -> b.ciphertextBlob(moved));
        assertThat(decrypted.plaintext().asUtf8String()).isEqualTo("moving");
        assertThat(decrypted.keyId()).endsWith(destination);
    }

    @Test
    void dataKeys_plaintextMatchesDecryptedCopy() {
        String keyId = newKey("data-keys");
        GenerateDataKeyResponse dataKey = kms.generateDataKey(b -> b.keyId(keyId).keySpec(DataKeySpec.AES_256)
                .encryptionContext(Map.of("file", "report.pdf")));
        assertThat(dataKey.plaintext().asByteArray()).hasSize(32);
        SdkBytes decrypted = kms.decrypt(b -> b.ciphertextBlob(dataKey.ciphertextBlob())
                .encryptionContext(Map.of("file", "report.pdf"))).plaintext();
        assertThat(decrypted.asByteArray()).isEqualTo(dataKey.plaintext().asByteArray());

        SdkBytes withoutPlaintext = kms.generateDataKeyWithoutPlaintext(b -> b.keyId(keyId).numberOfBytes(16))
                .ciphertextBlob();
        assertThat(kms.decrypt(b -> b.ciphertextBlob(withoutPlaintext)).plaintext().asByteArray()).hasSize(16);
        assertThat(kms.generateRandom(b -> b.numberOfBytes(24)).plaintext().asByteArray()).hasSize(24);
    }

    @Test
    void rotationOnDemand_isListedAndOldCiphertextStillDecrypts() {
        String keyId = newKey("rotation");
        SdkBytes before = kms.encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromUtf8String("v1"))).ciphertextBlob();
        kms.rotateKeyOnDemand(b -> b.keyId(keyId));

        ListKeyRotationsResponse rotations = kms.listKeyRotations(b -> b.keyId(keyId));
        assertThat(rotations.rotations()).hasSize(1);
        assertThat(rotations.rotations().get(0).rotationType()).isEqualTo(RotationType.ON_DEMAND);
        assertThat(rotations.rotations().get(0).rotationDate()).isNotNull();
        assertThat(kms.decrypt(b -> b.ciphertextBlob(before)).plaintext().asUtf8String()).isEqualTo("v1");

        kms.enableKeyRotation(b -> b.keyId(keyId).rotationPeriodInDays(180));
        var status = kms.getKeyRotationStatus(b -> b.keyId(keyId));
        assertThat(status.keyRotationEnabled()).isTrue();
        assertThat(status.rotationPeriodInDays()).isEqualTo(180);
        assertThat(status.nextRotationDate()).isAfter(Instant.now().plus(Duration.ofDays(179)));
        kms.disableKeyRotation(b -> b.keyId(keyId));
        assertThat(kms.getKeyRotationStatus(b -> b.keyId(keyId)).keyRotationEnabled()).isFalse();
    }

    @Test
    void scheduledDeletion_thenCancel_leavesKeyDisabled() {
        String keyId = newKey("deletion");
        ScheduleKeyDeletionResponse scheduled = kms.scheduleKeyDeletion(b -> b.keyId(keyId).pendingWindowInDays(7));
        assertThat(scheduled.keyState()).isEqualTo(KeyState.PENDING_DELETION);
        assertThat(scheduled.pendingWindowInDays()).isEqualTo(7);
        assertThat(scheduled.deletionDate()).isAfter(Instant.now().plus(Duration.ofDays(6)));
        KeyMetadata pending = kms.describeKey(b -> b.keyId(keyId)).keyMetadata();
        assertThat(pending.keyState()).isEqualTo(KeyState.PENDING_DELETION);
        assertThat(pending.deletionDate()).isEqualTo(scheduled.deletionDate());
        assertThat(pending.pendingDeletionWindowInDays()).isEqualTo(7);

        kms.cancelKeyDeletion(b -> b.keyId(keyId));
        assertThat(kms.describeKey(b -> b.keyId(keyId)).keyMetadata().keyState()).isEqualTo(KeyState.DISABLED);
    }

    @Test
    void disabledKey_encryptFailsWithDisabledException() {
        String keyId = newKey("disabled");
        kms.disableKey(b -> b.keyId(keyId));
        assertThatThrownBy(() -> kms.encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromUtf8String("x"))))
                .isInstanceOf(DisabledException.class);
        kms.enableKey(b -> b.keyId(keyId));
        assertThat(kms.encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromUtf8String("x"))).ciphertextBlob())
                .isNotNull();
    }

    @Test
    void unknownKey_isNotFoundException() {
        assertThatThrownBy(() -> kms.describeKey(b -> b.keyId("1234abcd-12ab-34cd-56ef-1234567890ab")))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("1234abcd-12ab-34cd-56ef-1234567890ab");
    }

    @Test
    void secondPrincipalsAccessKey_isDeniedByKeyPolicy() {
        String keyId = newKey("guarded");
        try (KmsClient app = fixture.sdk(fixture.appRoleKey)) {
            assertThatThrownBy(() -> app.encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromUtf8String("x"))))
                    .isInstanceOfSatisfying(KmsException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorMessage()).contains(ServerFixture.APP_ROLE);
                    });
        }
        assertThat(fixture.engine.auditLog().all()).anySatisfy(event -> {
            assertThat(event.principalArn()).isEqualTo(ServerFixture.APP_ROLE);
            assertThat(event.errorCode()).isEqualTo("AccessDeniedException");
        });
    }

    @Test
    void wrongSecret_isInvalidSignature_andUnknownKeyId_isUnrecognizedClient() {
        Credential forged = new Credential("test", "not-the-secret", "ignored");
        try (KmsClient bad = fixture.sdk(forged)) {
            assertThatThrownBy(bad::listKeys).isInstanceOfSatisfying(KmsException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException"));
        }
        Credential unknown = new Credential("AKIAUNKNOWNUNKNOWN00", "whatever", "ignored");
        try (KmsClient bad = fixture.sdk(unknown)) {
            assertThatThrownBy(bad::listKeys).isInstanceOfSatisfying(KmsException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException"));
        }
    }

    @Test
    void oversizedPlaintext_isValidationErrorNamingTheMember() {
        String keyId = newKey("limits");
        assertThatThrownBy(() -> kms.encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromByteArray(new byte[4097]))))
                .isInstanceOfSatisfying(KmsException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("'plaintext'");
                });
    }

    @Test
    void realOperationNotImplemented_isUnsupportedOperation() {
        String keyId = newKey("replicas");
        assertThatThrownBy(() -> kms.replicateKey(b -> b.keyId(keyId).replicaRegion("eu-west-1")))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("ReplicateKey");
    }

    @Test
    void updateDescriptionAndUntag_areVisibleInDescribeAndTags() {
        String keyId = newKey("before");
        kms.updateKeyDescription(b -> b.keyId(keyId).description("after"));
        kms.tagResource(b -> b.keyId(keyId).tags(Tag.builder().tagKey("k").tagValue("v").build()));
        kms.untagResource(b -> b.keyId(keyId).tagKeys("k"));
        assertThat(kms.describeKey(b -> b.keyId(keyId)).keyMetadata().description()).isEqualTo("after");
        assertThat(kms.listResourceTags(b -> b.keyId(keyId)).tags()).isEmpty();
    }
}
