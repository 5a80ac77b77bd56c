package dev.kmslab.engine;

import static dev.kmslab.engine.CustomKeyStoreFixture.ROOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.cks.TokenSettings;
import dev.kmslab.engine.core.KeyStateTable;
import dev.kmslab.engine.crypto.pkcs11.Pkcs11KeyLabel;
import dev.kmslab.engine.crypto.pkcs11.SlotSelector;
import dev.kmslab.engine.error.KMSInternalException;
import dev.kmslab.engine.model.ConnectCustomKeyStoreRequest;
import dev.kmslab.engine.store.FailingStorage;
import dev.kmslab.engine.store.InMemoryKeystoreStorage;
import dev.kmslab.engine.error.CustomKeyStoreInvalidStateException;
import dev.kmslab.engine.error.CustomKeyStoreNotFoundException;
import dev.kmslab.engine.error.InvalidCiphertextException;
import dev.kmslab.engine.error.KMSInvalidStateException;
import dev.kmslab.engine.error.UnsupportedOperationException;
import dev.kmslab.engine.error.ValidationException;
import dev.kmslab.engine.model.CreateAliasRequest;
import dev.kmslab.engine.model.CreateGrantRequest;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.Tag;
import dev.kmslab.engine.model.TagResourceRequest;
import dev.kmslab.engine.model.UpdateKeyDescriptionRequest;
import dev.kmslab.engine.model.DecryptRequest;
import dev.kmslab.engine.model.DisableKeyRequest;
import dev.kmslab.engine.model.EnableKeyRotationRequest;
import dev.kmslab.engine.model.EncryptRequest;
import dev.kmslab.engine.model.GenerateDataKeyRequest;
import dev.kmslab.engine.model.GenerateDataKeyResult;
import dev.kmslab.engine.model.GenerateRandomRequest;
import dev.kmslab.engine.model.KeyMetadata;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyState;
import dev.kmslab.engine.model.KeyUsage;
import dev.kmslab.engine.model.OriginType;
import dev.kmslab.engine.model.ReEncryptRequest;
import dev.kmslab.engine.model.RotateKeyOnDemandRequest;
import dev.kmslab.engine.model.ScheduleKeyDeletionRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** KMS keys whose material lives in a custom key store's (simulated) token. */
class CustomKeyStoreKeysTest {

    private static final Map<String, String> CONTEXT = Map.of("purpose", "test");

    private final CustomKeyStoreFixture f = new CustomKeyStoreFixture();
    private final String storeId = f.connectedStore();

    @Test
    void createKey_makesANonSoftwareKey_inTheToken_labelledByKeyId() {
        KeyMetadata key = f.describeKey(f.newKeyIn(storeId));

        assertThat(key.origin()).isEqualTo(OriginType.AWS_CLOUDHSM);
        assertThat(key.keyState()).isEqualTo(KeyState.Enabled);
        assertThat(key.enabled()).isTrue();
        assertThat(key.customKeyStoreId()).isEqualTo(storeId);
        assertThat(key.cloudHsmClusterId()).isEqualTo(CustomKeyStoreFixture.TOKEN.clusterId());
        assertThat(f.hsm.labels(CustomKeyStoreFixture.TOKEN))
                .containsExactly(new Pkcs11KeyLabel(key.keyId(), 1).text());
    }

    @Test
    void createKey_followsAwsRulesForCustomKeyStores() {
        assertThatThrownBy(() -> f.engine.createKey(ROOT, new CreateKeyRequest(null, KeyUsage.SIGN_VERIFY,
                KeySpec.ECC_NIST_P256, OriginType.AWS_CLOUDHSM, null, null, null, null, storeId)))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("symmetric encryption keys");
        assertThatThrownBy(() -> f.engine.createKey(ROOT, new CreateKeyRequest(null, null, null, null, null, null,
                null, null, storeId))).isInstanceOf(ValidationException.class).hasMessageContaining("AWS_CLOUDHSM");
        assertThatThrownBy(() -> f.engine.createKey(ROOT, CreateKeyRequest.inCustomKeyStore(storeId, null)
                .withMultiRegion(true))).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("Multi-Region");
        assertThatThrownBy(() -> f.newKeyIn("cks-00000000000000000"))
                .isInstanceOf(CustomKeyStoreNotFoundException.class);
        f.disconnect(storeId);
        assertThatThrownBy(() -> f.newKeyIn(storeId)).isInstanceOf(CustomKeyStoreInvalidStateException.class)
                .hasMessageContaining("only while it is CONNECTED");
        assertThat(f.hsm.labels(CustomKeyStoreFixture.TOKEN)).isEmpty();
    }

    @Test
    void aCreateKeyThatCannotBeSaved_removesTheKeyItMadeInTheToken() throws Exception {
        FailingStorage storage = new FailingStorage(new InMemoryKeystoreStorage());
        KmsEngine engine = KmsEngine.open(EngineConfig.defaults().withStorage(storage), f.hsm);
        String id = engine.customKeyStores().createCustomKeyStore(ROOT, CustomKeyStoreFixture.request("saved",
                "rollback", CustomKeyStoreFixture.PIN)).customKeyStoreId();
        engine.customKeyStores().connectCustomKeyStore(ROOT, new ConnectCustomKeyStoreRequest(id));
        storage.failing = true;

        assertThatThrownBy(() -> engine.createKey(ROOT, CreateKeyRequest.inCustomKeyStore(id, null)))
                .isInstanceOf(KMSInternalException.class);

        assertThat(f.hsm.labels(new TokenSettings(CustomKeyStoreFixture.MODULE,
                new SlotSelector.TokenLabel("rollback")))).isEmpty();
    }

    @Test
    void encryptAndDecrypt_runInTheToken_andBindTheContext() {
        String keyId = f.newKeyIn(storeId);
        byte[] blob = f.engine.encrypt(ROOT, EncryptRequest.of(keyId, utf8("in the token"), CONTEXT))
                .ciphertextBlob();

        assertThat(new String(f.engine.decrypt(ROOT, DecryptRequest.of(blob, CONTEXT)).plaintext(),
                StandardCharsets.UTF_8)).isEqualTo("in the token");
        assertThatThrownBy(() -> f.engine.decrypt(ROOT, DecryptRequest.of(blob, Map.of("purpose", "other"))))
                .isInstanceOf(InvalidCiphertextException.class);
        byte[] tampered = blob.clone();
        tampered[tampered.length - 1] ^= 1;
        assertThatThrownBy(() -> f.engine.decrypt(ROOT, DecryptRequest.of(tampered, CONTEXT)))
                .isInstanceOf(InvalidCiphertextException.class);
    }

    @Test
    void dataKeys_comeFromTheToken_andDecryptBackToThePlaintextKey() {
        String keyId = f.newKeyIn(storeId);

        GenerateDataKeyResult dataKey = f.engine.generateDataKey(ROOT, GenerateDataKeyRequest.aes256(keyId, CONTEXT));

        assertThat(dataKey.plaintext()).hasSize(32);
        assertThat(f.engine.decrypt(ROOT, DecryptRequest.of(dataKey.ciphertextBlob(), CONTEXT)).plaintext())
                .isEqualTo(dataKey.plaintext());
        byte[] withoutPlaintext = f.engine.generateDataKeyWithoutPlaintext(ROOT,
                GenerateDataKeyRequest.aes256(keyId, CONTEXT)).ciphertextBlob();
        assertThat(f.engine.decrypt(ROOT, DecryptRequest.of(withoutPlaintext, CONTEXT)).plaintext()).hasSize(32);
    }

    @Test
    void reEncrypt_movesDataBetweenSoftwareAndTokenKeys() {
        String tokenKey = f.newKeyIn(storeId);
        String softwareKey = f.engine.createKey(ROOT, CreateKeyRequest.symmetric()).keyMetadata().keyId();
        byte[] inSoftware = f.engine.encrypt(ROOT, EncryptRequest.of(softwareKey, utf8("move me"), null))
                .ciphertextBlob();

        byte[] inToken = f.engine.reEncrypt(ROOT, ReEncryptRequest.of(inSoftware, null, tokenKey, CONTEXT))
                .ciphertextBlob();
        byte[] back = f.engine.reEncrypt(ROOT, ReEncryptRequest.of(inToken, CONTEXT, softwareKey, null))
                .ciphertextBlob();

        assertThat(f.engine.decrypt(ROOT, DecryptRequest.of(back, null)).plaintext()).isEqualTo(utf8("move me"));
    }

    @Test
    void whileDisconnected_keysAreUnavailable_andCryptoFailsWithKmsInvalidState() {
        String keyId = f.newKeyIn(storeId);
        byte[] blob = f.engine.encrypt(ROOT, EncryptRequest.of(keyId, utf8("x"), null)).ciphertextBlob();

        f.disconnect(storeId);

        KeyMetadata key = f.describeKey(keyId);
        assertThat(key.keyState()).isEqualTo(KeyState.Unavailable);
        assertThat(key.enabled()).isFalse();
        assertThatThrownBy(() -> f.engine.encrypt(ROOT, EncryptRequest.of(keyId, utf8("x"), null)))
                .isInstanceOf(KMSInvalidStateException.class).hasMessageEndingWith("is unavailable.");
        assertThatThrownBy(() -> f.engine.decrypt(ROOT, DecryptRequest.of(blob, null)))
                .isInstanceOf(KMSInvalidStateException.class);
        assertThatThrownBy(() -> f.engine.generateDataKey(ROOT, GenerateDataKeyRequest.aes256(keyId, null)))
                .isInstanceOf(KMSInvalidStateException.class);
    }

    @Test
    void reconnecting_restoresTheStateTheKeyHad_includingChangesMadeWhileUnavailable() {
        String keyId = f.newKeyIn(storeId);
        f.disconnect(storeId);

        f.engine.disableKey(ROOT, new DisableKeyRequest(keyId));
        assertThat(f.describeKey(keyId).keyState()).isEqualTo(KeyState.Unavailable);
        f.connect(storeId);
        assertThat(f.describeKey(keyId).keyState()).isEqualTo(KeyState.Disabled);

        f.disconnect(storeId);
        f.engine.scheduleKeyDeletion(ROOT, new ScheduleKeyDeletionRequest(keyId, 7));
        assertThat(f.describeKey(keyId).keyState()).isEqualTo(KeyState.PendingDeletion);
    }

    @Test
    void anUnavailableKey_canStillBeManaged_butNotGrantedNorUsed() {
        String keyId = f.newKeyIn(storeId);
        f.disconnect(storeId);

        f.engine.tagResource(ROOT, new TagResourceRequest(keyId, List.of(new Tag("team", "payments"))));
        f.engine.createAlias(ROOT, new CreateAliasRequest("alias/in-hsm", keyId));
        f.engine.updateKeyDescription(ROOT, new UpdateKeyDescriptionRequest(keyId, "still manageable"));

        assertThat(f.describeKey("alias/in-hsm").description()).isEqualTo("still manageable");
        assertThatThrownBy(() -> f.engine.createGrant(ROOT, CreateGrantRequest.of(keyId,
                "arn:aws:iam::111122223333:role/App", List.of("Decrypt"))))
                .isInstanceOf(KMSInvalidStateException.class);
        assertThat(KeyStateTable.verdict(KmsOperation.Encrypt, KeyState.Unavailable))
                .isEqualTo(KeyStateTable.Verdict.UNAVAILABLE);
        assertThat(KeyStateTable.verdict(KmsOperation.CancelKeyDeletion, KeyState.Unavailable))
                .isEqualTo(KeyStateTable.Verdict.NOT_PENDING_DELETION);
    }

    @Test
    void generateRandom_fromAStore_needsItConnected() {
        assertThat(f.engine.generateRandom(ROOT, new GenerateRandomRequest(16, storeId)).plaintext()).hasSize(16);
        f.disconnect(storeId);

        assertThatThrownBy(() -> f.engine.generateRandom(ROOT, new GenerateRandomRequest(16, storeId)))
                .isInstanceOf(CustomKeyStoreInvalidStateException.class).hasMessageContaining("DISCONNECTED");
        assertThatThrownBy(() -> f.engine.generateRandom(ROOT, new GenerateRandomRequest(16,
                "cks-00000000000000000"))).isInstanceOf(CustomKeyStoreNotFoundException.class);
    }

    @Test
    void rotation_isRefused_asAwsRefusesItForCustomKeyStoreKeys() {
        String keyId = f.newKeyIn(storeId);

        assertThatThrownBy(() -> f.engine.enableKeyRotation(ROOT, new EnableKeyRotationRequest(keyId, null)))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("custom key store");
        assertThatThrownBy(() -> f.engine.rotateKeyOnDemand(ROOT, new RotateKeyOnDemandRequest(keyId)))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("custom key store");
    }

    @Test
    void keys_surviveARestart_unavailableUntilTheStoreReconnects_thenDecryptOldData() {
        String keyId = f.newKeyIn(storeId);
        byte[] blob = f.engine.encrypt(ROOT, EncryptRequest.of(keyId, utf8("kept"), CONTEXT)).ciphertextBlob();

        f.restart();

        assertThat(f.describeKey(keyId).keyState()).isEqualTo(KeyState.Unavailable);
        assertThat(f.describeKey(keyId).customKeyStoreId()).isEqualTo(storeId);
        f.connect(storeId);
        assertThat(f.engine.decrypt(ROOT, DecryptRequest.of(blob, CONTEXT)).plaintext()).isEqualTo(utf8("kept"));
    }

    @Test
    void completedDeletion_removesTheTokenObject_whenTheStoreIsConnected() {
        String keyId = f.newKeyIn(storeId);
        f.engine.scheduleKeyDeletion(ROOT, new ScheduleKeyDeletionRequest(keyId, 7));

        f.engine.advanceClock(Duration.ofDays(7));

        assertThat(f.hsm.labels(CustomKeyStoreFixture.TOKEN)).isEmpty();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
