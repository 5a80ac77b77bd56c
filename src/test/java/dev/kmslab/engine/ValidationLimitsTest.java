package dev.kmslab.engine;

import static dev.kmslab.engine.EngineFixture.ROOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.error.ValidationException;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.DataKeySpec;
import dev.kmslab.engine.model.DecryptRequest;
import dev.kmslab.engine.model.EnableKeyRotationRequest;
import dev.kmslab.engine.model.EncryptRequest;
import dev.kmslab.engine.model.GenerateDataKeyRequest;
import dev.kmslab.engine.model.GenerateRandomRequest;
import dev.kmslab.engine.model.ScheduleKeyDeletionRequest;
import dev.kmslab.engine.model.Tag;
import dev.kmslab.engine.model.TagResourceRequest;
import dev.kmslab.engine.model.UpdateKeyDescriptionRequest;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Each AWS limit gives a ValidationException whose message names the member, in AWS's wording. */
class ValidationLimitsTest {

    private final EngineFixture f = new EngineFixture();
    private final String keyId = f.newKey();

    private static void assertNames(ThrowingCallable call, String member, String constraint) {
        assertThatThrownBy(call).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("1 validation error detected: Value")
                .hasMessageContaining("at '" + member + "' failed to satisfy constraint: Member must " + constraint);
    }

    @Test
    void plaintext_1to4096() {
        assertNames(() -> f.engine.encrypt(ROOT, EncryptRequest.of(keyId, new byte[4097], null)), "plaintext",
                "have length less than or equal to 4096");
        assertNames(() -> f.engine.encrypt(ROOT, EncryptRequest.of(keyId, new byte[0], null)), "plaintext",
                "have length greater than or equal to 1");
        assertNames(() -> f.engine.encrypt(ROOT, EncryptRequest.of(keyId, null, null)), "plaintext",
                "not be null");
        assertThat(f.engine.encrypt(ROOT, EncryptRequest.of(keyId, new byte[4096], null)).ciphertextBlob())
                .hasSizeGreaterThan(4096);
    }

    @Test
    void exactPlaintextLimitMessage() {
        assertThatThrownBy(() -> f.engine.encrypt(ROOT, EncryptRequest.of(keyId, new byte[4097], null)))
                .hasMessage("1 validation error detected: Value at 'plaintext' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 4096");
    }

    @Test
    void ciphertextBlob_atMost6144() {
        assertNames(() -> f.engine.decrypt(ROOT, DecryptRequest.of(new byte[6145], null)), "ciphertextBlob",
                "have length less than or equal to 6144");
    }

    @Test
    void numberOfBytes_1to1024_andExactlyOneOfKeySpec() {
        assertNames(() -> f.engine.generateDataKey(ROOT, new GenerateDataKeyRequest(keyId, null, 1025, null)),
                "numberOfBytes", "have value less than or equal to 1024");
        assertNames(() -> f.engine.generateDataKey(ROOT, new GenerateDataKeyRequest(keyId, null, 0, null)),
                "numberOfBytes", "have value greater than or equal to 1");
        assertThatThrownBy(() -> f.engine.generateDataKey(ROOT, new GenerateDataKeyRequest(keyId, null, 32,
                DataKeySpec.AES_256))).isInstanceOf(ValidationException.class).hasMessageContaining("numberOfBytes")
                .hasMessageContaining("keySpec");
        assertThatThrownBy(() -> f.engine.generateDataKey(ROOT, new GenerateDataKeyRequest(keyId, null, null,
                null))).isInstanceOf(ValidationException.class);
        assertNames(() -> f.engine.generateRandom(ROOT, new GenerateRandomRequest(1025)), "numberOfBytes",
                "have value less than or equal to 1024");
    }

    @Test
    void description_atMost8192() {
        assertNames(() -> f.engine.createKey(ROOT, CreateKeyRequest.withDescription("d".repeat(8193))),
                "description", "have length less than or equal to 8192");
        assertNames(() -> f.engine.updateKeyDescription(ROOT, new UpdateKeyDescriptionRequest(keyId,
                "d".repeat(8193))), "description", "have length less than or equal to 8192");
    }

    @Test
    void pendingWindow_7to30() {
        assertNames(() -> f.engine.scheduleKeyDeletion(ROOT, new ScheduleKeyDeletionRequest(keyId, 6)),
                "pendingWindowInDays", "have value greater than or equal to 7");
        assertNames(() -> f.engine.scheduleKeyDeletion(ROOT, new ScheduleKeyDeletionRequest(keyId, 31)),
                "pendingWindowInDays", "have value less than or equal to 30");
    }

    @Test
    void rotationPeriod_90to2560() {
        assertNames(() -> f.engine.enableKeyRotation(ROOT, new EnableKeyRotationRequest(keyId, 89)),
                "rotationPeriodInDays", "have value greater than or equal to 90");
        assertNames(() -> f.engine.enableKeyRotation(ROOT, new EnableKeyRotationRequest(keyId, 2561)),
                "rotationPeriodInDays", "have value less than or equal to 2560");
    }

    @Test
    void tagLengths() {
        assertNames(() -> f.engine.tagResource(ROOT, new TagResourceRequest(keyId, List.of(new Tag("k".repeat(129),
                "v")))), "tags.1.member.tagKey", "have length less than or equal to 128");
        assertNames(() -> f.engine.tagResource(ROOT, new TagResourceRequest(keyId, List.of(new Tag("ok", "v"),
                new Tag("", "v")))), "tags.2.member.tagKey", "have length greater than or equal to 1");
        assertNames(() -> f.engine.tagResource(ROOT, new TagResourceRequest(keyId, List.of(new Tag("k",
                "v".repeat(257))))), "tags.1.member.tagValue", "have length less than or equal to 256");
    }

    @Test
    void grantTokens_atMost10() {
        assertThatThrownBy(() -> new CallerContext("arn:aws:iam::111122223333:root", Optional.empty(),
                Collections.nCopies(11, "t"))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("'grantTokens'");
    }

    @Test
    void encryptionContext_withNullValue_isValidationError() {
        java.util.Map<String, String> context = new java.util.HashMap<>();
        context.put("k", null);

        assertNames(() -> f.engine.encrypt(ROOT, EncryptRequest.of(keyId, new byte[1], context)),
                "encryptionContext", "not contain null keys or values");
    }

    @Test
    void keyId_required() {
        assertNames(() -> f.engine.encrypt(ROOT, EncryptRequest.of(null, new byte[1], null)), "keyId",
                "not be null");
    }
}
