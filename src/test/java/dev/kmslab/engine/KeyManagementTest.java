package dev.kmslab.engine;

import static dev.kmslab.engine.EngineFixture.ROOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.error.AlreadyExistsException;
import dev.kmslab.engine.error.InvalidAliasNameException;
import dev.kmslab.engine.error.InvalidMarkerException;
import dev.kmslab.engine.error.NotFoundException;
import dev.kmslab.engine.error.UnsupportedOperationException;
import dev.kmslab.engine.error.ValidationException;
import dev.kmslab.engine.model.AliasListEntry;
import dev.kmslab.engine.model.CreateAliasRequest;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.DeleteAliasRequest;
import dev.kmslab.engine.model.DescribeKeyRequest;
import dev.kmslab.engine.model.DisableKeyRequest;
import dev.kmslab.engine.model.EnableKeyRequest;
import dev.kmslab.engine.model.KeyListEntry;
import dev.kmslab.engine.model.KeyManager;
import dev.kmslab.engine.model.KeyMetadata;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyState;
import dev.kmslab.engine.model.KeyUsage;
import dev.kmslab.engine.model.ListAliasesRequest;
import dev.kmslab.engine.model.ListKeysRequest;
import dev.kmslab.engine.model.ListKeysResult;
import dev.kmslab.engine.model.ListResourceTagsRequest;
import dev.kmslab.engine.model.OriginType;
import dev.kmslab.engine.model.Tag;
import dev.kmslab.engine.model.TagResourceRequest;
import dev.kmslab.engine.model.UntagResourceRequest;
import dev.kmslab.engine.model.UpdateAliasRequest;
import dev.kmslab.engine.model.UpdateKeyDescriptionRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyManagementTest {

    private final EngineFixture f = new EngineFixture();

    @Test
    void createKey_describesAnEnabledSymmetricCustomerKey() {
        KeyMetadata meta = f.engine.createKey(ROOT, new CreateKeyRequest("orders", null, null, null,
                List.of(new Tag("team", "shop")))).keyMetadata();

        assertThat(meta.keyId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(meta.arn()).isEqualTo("arn:aws:kms:us-east-1:111122223333:key/" + meta.keyId());
        assertThat(meta.awsAccountId()).isEqualTo("111122223333");
        assertThat(meta.keyState()).isEqualTo(KeyState.Enabled);
        assertThat(meta.enabled()).isTrue();
        assertThat(meta.keySpec()).isEqualTo(KeySpec.SYMMETRIC_DEFAULT);
        assertThat(meta.keyUsage()).isEqualTo(KeyUsage.ENCRYPT_DECRYPT);
        assertThat(meta.origin()).isEqualTo(OriginType.AWS_KMS);
        assertThat(meta.keyManager()).isEqualTo(KeyManager.CUSTOMER);
        assertThat(meta.creationDate()).isEqualTo(EngineFixture.START);
        assertThat(meta.description()).isEqualTo("orders");
        assertThat(f.engine.listResourceTags(ROOT, new ListResourceTagsRequest(meta.keyId(), null, null)).tags())
                .containsExactly(new Tag("team", "shop"));
    }

    @Test
    void createKey_refusesUnsupportedSpecsAndIncompatibleUsage() {
        assertThatThrownBy(() -> f.engine.createKey(ROOT, new CreateKeyRequest(null, KeyUsage.SIGN_VERIFY,
                KeySpec.SM2, null, null))).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("SM2");
        assertThatThrownBy(() -> f.engine.createKey(ROOT, new CreateKeyRequest(null, null, null,
                OriginType.EXTERNAL_KEY_STORE, null))).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("no external key stores");
        assertThatThrownBy(() -> f.engine.createKey(ROOT, new CreateKeyRequest(null, null, null,
                OriginType.AWS_CLOUDHSM, null))).isInstanceOf(ValidationException.class)
                .hasMessage("Origin AWS_CLOUDHSM requires a CustomKeyStoreId.");
        assertThatThrownBy(() -> f.engine.createKey(ROOT, new CreateKeyRequest(null, KeyUsage.SIGN_VERIFY,
                KeySpec.SYMMETRIC_DEFAULT, null, null))).isInstanceOf(ValidationException.class);
    }

    @Test
    void describeKey_acceptsEveryIdentifierForm() {
        String keyId = f.newKey();
        f.engine.createAlias(ROOT, new CreateAliasRequest("alias/app", keyId));

        for (String id : List.of(keyId, f.arn(keyId), "alias/app", "arn:aws:kms:us-east-1:111122223333:alias/app")) {
            assertThat(f.engine.describeKey(ROOT, new DescribeKeyRequest(id)).keyMetadata().keyId()).isEqualTo(keyId);
        }
    }

    @Test
    void keyOnlyOperations_refuseAliases() {
        String keyId = f.newKey();
        f.engine.createAlias(ROOT, new CreateAliasRequest("alias/app", keyId));

        assertThatThrownBy(() -> f.engine.disableKey(ROOT, new DisableKeyRequest("alias/app")))
                .isInstanceOf(NotFoundException.class).hasMessage("Invalid keyId alias/app");
    }

    @Test
    void unknownKeysAndAliases_areNotFound_withAwsMessages() {
        String missing = "00000000-0000-4000-8000-000000000000";

        assertThatThrownBy(() -> f.engine.describeKey(ROOT, new DescribeKeyRequest(missing)))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("Key 'arn:aws:kms:us-east-1:111122223333:key/" + missing + "' does not exist");
        assertThatThrownBy(() -> f.engine.describeKey(ROOT, new DescribeKeyRequest("alias/none")))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("Alias arn:aws:kms:us-east-1:111122223333:alias/none is not found.");
        assertThatThrownBy(() -> f.engine.describeKey(ROOT, new DescribeKeyRequest("not-a-key")))
                .isInstanceOf(NotFoundException.class).hasMessage("Invalid keyId not-a-key");
    }

    @Test
    void updateDescription_enableAndDisable_roundTrip() {
        String keyId = f.newKey();

        f.engine.updateKeyDescription(ROOT, new UpdateKeyDescriptionRequest(keyId, "new text"));
        f.engine.disableKey(ROOT, new DisableKeyRequest(keyId));
        KeyMetadata disabled = f.engine.describeKey(ROOT, new DescribeKeyRequest(keyId)).keyMetadata();
        f.engine.enableKey(ROOT, new EnableKeyRequest(keyId));

        assertThat(disabled.description()).isEqualTo("new text");
        assertThat(disabled.keyState()).isEqualTo(KeyState.Disabled);
        assertThat(disabled.enabled()).isFalse();
        assertThat(f.engine.describeKey(ROOT, new DescribeKeyRequest(keyId)).keyMetadata().enabled()).isTrue();
    }

    @Test
    void listKeys_pagesInCreationOrder() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(f.newKey());
        }
        List<String> seen = new ArrayList<>();
        ListKeysResult page = f.engine.listKeys(ROOT, new ListKeysRequest(2, null));
        while (true) {
            page.keys().stream().map(KeyListEntry::keyId).forEach(seen::add);
            if (!page.truncated()) {
                assertThat(page.nextMarker()).isNull();
                break;
            }
            page = f.engine.listKeys(ROOT, new ListKeysRequest(2, page.nextMarker()));
        }

        assertThat(seen).containsExactlyElementsOf(created);
    }

    @Test
    void badMarker_isInvalidMarker_andBadLimitIsValidation() {
        f.newKey();
        assertThatThrownBy(() -> f.engine.listKeys(ROOT, new ListKeysRequest(null, "garbage!")))
                .isInstanceOf(InvalidMarkerException.class);
        assertThatThrownBy(() -> f.engine.listKeys(ROOT, new ListKeysRequest(1001, null)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("'limit'");
    }

    @Test
    void aliases_createUpdateListDelete() {
        String a = f.newKey();
        String b = f.newKey();
        f.engine.createAlias(ROOT, new CreateAliasRequest("alias/app", a));
        f.engine.createAlias(ROOT, new CreateAliasRequest("alias/b-only", f.arn(b)));

        f.engine.updateAlias(ROOT, new UpdateAliasRequest("alias/app", b));
        List<AliasListEntry> forB = f.engine.listAliases(ROOT, new ListAliasesRequest(b, null, null)).aliases();
        f.engine.deleteAlias(ROOT, new DeleteAliasRequest("alias/app"));

        assertThat(forB).extracting(AliasListEntry::aliasName).containsExactly("alias/app", "alias/b-only");
        assertThat(forB.get(0).aliasArn()).isEqualTo("arn:aws:kms:us-east-1:111122223333:alias/app");
        assertThat(f.engine.listAliases(ROOT, ListAliasesRequest.all()).aliases())
                .extracting(AliasListEntry::aliasName).containsExactly("alias/b-only");
    }

    @Test
    void aliasRules() {
        String keyId = f.newKey();
        f.engine.createAlias(ROOT, new CreateAliasRequest("alias/app", keyId));

        assertThatThrownBy(() -> f.engine.createAlias(ROOT, new CreateAliasRequest("alias/app", keyId)))
                .isInstanceOf(AlreadyExistsException.class);
        assertThatThrownBy(() -> f.engine.createAlias(ROOT, new CreateAliasRequest("app", keyId)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("alias/");
        assertThatThrownBy(() -> f.engine.createAlias(ROOT, new CreateAliasRequest("alias/aws/s3", keyId)))
                .isInstanceOf(InvalidAliasNameException.class);
        assertThatThrownBy(() -> f.engine.createAlias(ROOT, new CreateAliasRequest("alias/a b", keyId)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("'aliasName'");
        assertThatThrownBy(() -> f.engine.createAlias(ROOT, new CreateAliasRequest("alias/" + "x".repeat(251),
                keyId))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("Member must have length less than or equal to 256");
        assertThatThrownBy(() -> f.engine.deleteAlias(ROOT, new DeleteAliasRequest("alias/none")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void fiftyAliasesPerKey_thenLimitExceeded() {
        String keyId = f.newKey();
        for (int i = 0; i < 50; i++) {
            f.engine.createAlias(ROOT, new CreateAliasRequest("alias/a" + i, keyId));
        }

        assertThatThrownBy(() -> f.engine.createAlias(ROOT, new CreateAliasRequest("alias/a50", keyId)))
                .isInstanceOf(dev.kmslab.engine.error.LimitExceededException.class);
    }

    @Test
    void tags_addOverwriteRemove() {
        String keyId = f.newKey();
        f.engine.tagResource(ROOT, new TagResourceRequest(keyId, List.of(new Tag("a", "1"), new Tag("b", "2"))));
        f.engine.tagResource(ROOT, new TagResourceRequest(keyId, List.of(new Tag("a", "3"))));
        f.engine.untagResource(ROOT, new UntagResourceRequest(keyId, List.of("b")));

        assertThat(f.engine.listResourceTags(ROOT, new ListResourceTagsRequest(keyId, null, null)).tags())
                .containsExactly(new Tag("a", "3"));
    }
}
