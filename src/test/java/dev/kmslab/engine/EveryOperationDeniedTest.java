package dev.kmslab.engine;

import static dev.kmslab.engine.PolicyFixture.ACCOUNT;
import static dev.kmslab.engine.PolicyFixture.ROOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.audit.AuditEvent;
import dev.kmslab.engine.error.AccessDeniedException;
import dev.kmslab.engine.model.CancelKeyDeletionRequest;
import dev.kmslab.engine.model.ConnectCustomKeyStoreRequest;
import dev.kmslab.engine.model.CreateCustomKeyStoreRequest;
import dev.kmslab.engine.model.DeleteCustomKeyStoreRequest;
import dev.kmslab.engine.model.DescribeCustomKeyStoresRequest;
import dev.kmslab.engine.model.DisconnectCustomKeyStoreRequest;
import dev.kmslab.engine.model.UpdateCustomKeyStoreRequest;
import dev.kmslab.engine.model.CreateAliasRequest;
import dev.kmslab.engine.model.CreateGrantRequest;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.DecryptRequest;
import dev.kmslab.engine.model.DeleteAliasRequest;
import dev.kmslab.engine.model.DescribeKeyRequest;
import dev.kmslab.engine.model.DisableKeyRequest;
import dev.kmslab.engine.model.DisableKeyRotationRequest;
import dev.kmslab.engine.model.EnableKeyRequest;
import dev.kmslab.engine.model.EnableKeyRotationRequest;
import dev.kmslab.engine.model.EncryptRequest;
import dev.kmslab.engine.model.GenerateDataKeyRequest;
import dev.kmslab.engine.model.GenerateRandomRequest;
import dev.kmslab.engine.model.GetKeyPolicyRequest;
import dev.kmslab.engine.model.GetKeyRotationStatusRequest;
import dev.kmslab.engine.model.ListAliasesRequest;
import dev.kmslab.engine.model.ListGrantsRequest;
import dev.kmslab.engine.model.ListKeyPoliciesRequest;
import dev.kmslab.engine.model.ListKeyRotationsRequest;
import dev.kmslab.engine.model.ListKeysRequest;
import dev.kmslab.engine.model.ListResourceTagsRequest;
import dev.kmslab.engine.model.ListRetirableGrantsRequest;
import dev.kmslab.engine.model.PutKeyPolicyRequest;
import dev.kmslab.engine.model.ReEncryptRequest;
import dev.kmslab.engine.model.RetireGrantRequest;
import dev.kmslab.engine.model.RevokeGrantRequest;
import dev.kmslab.engine.model.RotateKeyOnDemandRequest;
import dev.kmslab.engine.model.ScheduleKeyDeletionRequest;
import dev.kmslab.engine.model.Tag;
import dev.kmslab.engine.model.TagResourceRequest;
import dev.kmslab.engine.model.UntagResourceRequest;
import dev.kmslab.engine.model.UpdateAliasRequest;
import dev.kmslab.engine.model.UpdateKeyDescriptionRequest;
import dev.kmslab.engine.policy.DefaultKeyPolicy;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * Under the default policy authorizer, a role with no permissions at all is refused every engine operation with
 * AccessDeniedException, nothing changes, and each refusal's audit event carries the decision's explanation.
 */
class EveryOperationDeniedTest {

    /** The keystore set up for the calls: a key with an alias, a ciphertext and a grant, and a second key. */
    private static final class Setup {
        final PolicyFixture f = new PolicyFixture();
        final String keyId = f.newKey();
        final String other = f.newKey();
        final byte[] blob;
        final String grantId;

        Setup() {
            f.engine.createAlias(ROOT, new CreateAliasRequest("alias/mine", keyId));
            f.engine.createAlias(ROOT, new CreateAliasRequest("alias/other", other));
            blob = f.encrypt(ROOT, keyId, Map.of());
            grantId = f.engine.createGrant(ROOT, new CreateGrantRequest(keyId, PolicyFixture.roleArn(ACCOUNT, "App"),
                    PolicyFixture.roleArn(ACCOUNT, "Retirer"), List.of("Decrypt"), null, null, null)).grantId();
        }
    }

    private static final String NO_STORE = "cks-1234567890abcdef0";

    private static final Map<KmsOperation, BiConsumer<Setup, CallerContext>> CALLS =
            new EnumMap<>(KmsOperation.class);

    static {
        CALLS.put(KmsOperation.CreateKey, (s, c) -> s.f.engine.createKey(c, CreateKeyRequest.symmetric()));
        CALLS.put(KmsOperation.ListKeys, (s, c) -> s.f.engine.listKeys(c, ListKeysRequest.firstPage()));
        CALLS.put(KmsOperation.ListAliases, (s, c) -> s.f.engine.listAliases(c, ListAliasesRequest.all()));
        CALLS.put(KmsOperation.GenerateRandom, (s, c) -> s.f.engine.generateRandom(c, new GenerateRandomRequest(8)));
        CALLS.put(KmsOperation.ListRetirableGrants, (s, c) -> s.f.engine.listRetirableGrants(c,
                ListRetirableGrantsRequest.of(PolicyFixture.roleArn(ACCOUNT, "Retirer"))));
        CALLS.put(KmsOperation.DescribeKey, (s, c) -> s.f.engine.describeKey(c, new DescribeKeyRequest(s.keyId)));
        CALLS.put(KmsOperation.UpdateKeyDescription,
                (s, c) -> s.f.engine.updateKeyDescription(c, new UpdateKeyDescriptionRequest(s.keyId, "d")));
        CALLS.put(KmsOperation.EnableKey, (s, c) -> s.f.engine.enableKey(c, new EnableKeyRequest(s.keyId)));
        CALLS.put(KmsOperation.DisableKey, (s, c) -> s.f.engine.disableKey(c, new DisableKeyRequest(s.keyId)));
        CALLS.put(KmsOperation.ScheduleKeyDeletion,
                (s, c) -> s.f.engine.scheduleKeyDeletion(c, new ScheduleKeyDeletionRequest(s.keyId, 7)));
        CALLS.put(KmsOperation.CancelKeyDeletion,
                (s, c) -> s.f.engine.cancelKeyDeletion(c, new CancelKeyDeletionRequest(s.keyId)));
        CALLS.put(KmsOperation.CreateAlias,
                (s, c) -> s.f.engine.createAlias(c, new CreateAliasRequest("alias/new", s.keyId)));
        CALLS.put(KmsOperation.UpdateAlias,
                (s, c) -> s.f.engine.updateAlias(c, new UpdateAliasRequest("alias/other", s.keyId)));
        CALLS.put(KmsOperation.DeleteAlias, (s, c) -> s.f.engine.deleteAlias(c, new DeleteAliasRequest("alias/mine")));
        CALLS.put(KmsOperation.TagResource, (s, c) -> s.f.engine.tagResource(c,
                new TagResourceRequest(s.keyId, List.of(new Tag("a", "b")))));
        CALLS.put(KmsOperation.UntagResource,
                (s, c) -> s.f.engine.untagResource(c, new UntagResourceRequest(s.keyId, List.of("a"))));
        CALLS.put(KmsOperation.ListResourceTags,
                (s, c) -> s.f.engine.listResourceTags(c, new ListResourceTagsRequest(s.keyId, null, null)));
        CALLS.put(KmsOperation.Encrypt, (s, c) -> s.f.engine.encrypt(c, EncryptRequest.of(s.keyId, new byte[1], null)));
        CALLS.put(KmsOperation.Decrypt, (s, c) -> s.f.engine.decrypt(c, DecryptRequest.of(s.blob, null)));
        CALLS.put(KmsOperation.ReEncrypt,
                (s, c) -> s.f.engine.reEncrypt(c, ReEncryptRequest.of(s.blob, null, s.other, null)));
        CALLS.put(KmsOperation.GenerateDataKey,
                (s, c) -> s.f.engine.generateDataKey(c, GenerateDataKeyRequest.aes256(s.keyId, null)));
        CALLS.put(KmsOperation.GenerateDataKeyWithoutPlaintext, (s, c) ->
                s.f.engine.generateDataKeyWithoutPlaintext(c, GenerateDataKeyRequest.aes256(s.keyId, null)));
        CALLS.put(KmsOperation.EnableKeyRotation,
                (s, c) -> s.f.engine.enableKeyRotation(c, new EnableKeyRotationRequest(s.keyId, null)));
        CALLS.put(KmsOperation.DisableKeyRotation,
                (s, c) -> s.f.engine.disableKeyRotation(c, new DisableKeyRotationRequest(s.keyId)));
        CALLS.put(KmsOperation.GetKeyRotationStatus,
                (s, c) -> s.f.engine.getKeyRotationStatus(c, new GetKeyRotationStatusRequest(s.keyId)));
        CALLS.put(KmsOperation.RotateKeyOnDemand,
                (s, c) -> s.f.engine.rotateKeyOnDemand(c, new RotateKeyOnDemandRequest(s.keyId)));
        CALLS.put(KmsOperation.ListKeyRotations,
                (s, c) -> s.f.engine.listKeyRotations(c, new ListKeyRotationsRequest(s.keyId, null, null)));
        CALLS.put(KmsOperation.PutKeyPolicy, (s, c) -> s.f.engine.putKeyPolicy(c,
                PutKeyPolicyRequest.of(s.keyId, DefaultKeyPolicy.forAccount(ACCOUNT))));
        CALLS.put(KmsOperation.GetKeyPolicy, (s, c) -> s.f.engine.getKeyPolicy(c, GetKeyPolicyRequest.of(s.keyId)));
        CALLS.put(KmsOperation.ListKeyPolicies,
                (s, c) -> s.f.engine.listKeyPolicies(c, ListKeyPoliciesRequest.of(s.keyId)));
        CALLS.put(KmsOperation.CreateGrant, (s, c) -> s.f.engine.createGrant(c,
                CreateGrantRequest.of(s.keyId, c.principalArn(), List.of("Decrypt"))));
        CALLS.put(KmsOperation.ListGrants, (s, c) -> s.f.engine.listGrants(c, ListGrantsRequest.of(s.keyId)));
        CALLS.put(KmsOperation.RetireGrant,
                (s, c) -> s.f.engine.retireGrant(c, RetireGrantRequest.byId(s.keyId, s.grantId)));
        CALLS.put(KmsOperation.RevokeGrant,
                (s, c) -> s.f.engine.revokeGrant(c, new RevokeGrantRequest(s.keyId, s.grantId)));
        // Authorization comes before the multi-Region checks, so a single-Region key is refused access first.
        CALLS.put(KmsOperation.ReplicateKey, (s, c) -> s.f.engine.replicateKey(c,
                new dev.kmslab.engine.model.ReplicateKeyRequest(s.keyId, "eu-west-1")));
        CALLS.put(KmsOperation.UpdatePrimaryRegion, (s, c) -> s.f.engine.updatePrimaryRegion(c,
                new dev.kmslab.engine.model.UpdatePrimaryRegionRequest(s.keyId, "eu-west-1")));
        // Custom key store calls are authorized (by IAM policy alone) before the store is looked up.
        CALLS.put(KmsOperation.CreateCustomKeyStore, (s, c) -> s.f.engine.customKeyStores().createCustomKeyStore(c,
                new CreateCustomKeyStoreRequest("hsm", java.nio.file.Path.of("/opt/hsm/module.so"), null, 0, null,
                        "1234".toCharArray())));
        CALLS.put(KmsOperation.DescribeCustomKeyStores, (s, c) -> s.f.engine.customKeyStores()
                .describeCustomKeyStores(c, DescribeCustomKeyStoresRequest.all()));
        CALLS.put(KmsOperation.ConnectCustomKeyStore, (s, c) -> s.f.engine.customKeyStores()
                .connectCustomKeyStore(c, new ConnectCustomKeyStoreRequest(NO_STORE)));
        CALLS.put(KmsOperation.DisconnectCustomKeyStore, (s, c) -> s.f.engine.customKeyStores()
                .disconnectCustomKeyStore(c, new DisconnectCustomKeyStoreRequest(NO_STORE)));
        CALLS.put(KmsOperation.UpdateCustomKeyStore, (s, c) -> s.f.engine.customKeyStores()
                .updateCustomKeyStore(c, new UpdateCustomKeyStoreRequest(NO_STORE, "renamed", null)));
        CALLS.put(KmsOperation.DeleteCustomKeyStore, (s, c) -> s.f.engine.customKeyStores()
                .deleteCustomKeyStore(c, new DeleteCustomKeyStoreRequest(NO_STORE)));
    }

    @Test
    void everyOperation_hasACall() {
        // The asymmetric, HMAC and import operations need keys of their own kinds; AsymmetricKeyStateTableTest
        // drives each of them into the authorization point and checks the refusal and its audit event.
        java.util.Set<KmsOperation> all = java.util.EnumSet.copyOf(CALLS.keySet());
        all.addAll(AsymmetricKeyStateTableTest.CALLS.keySet());
        assertThat(all).containsExactlyInAnyOrder(KmsOperation.values());
    }

    @Test
    void roleWithoutPermissions_isRefusedEveryOperation_withAnExplainedAuditEvent() throws Exception {
        for (Map.Entry<KmsOperation, BiConsumer<Setup, CallerContext>> call : CALLS.entrySet()) {
            Setup s = new Setup();
            CallerContext nobody = s.f.role(ACCOUNT, "Nobody");
            byte[] before = s.f.storage.load().orElseThrow();
            String op = call.getKey().name();

            assertThatThrownBy(() -> call.getValue().accept(s, nobody)).as(op)
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessageStartingWith("User: arn:aws:sts::111122223333:assumed-role/Nobody/session is not "
                            + "authorized to perform: kms:");
            assertThat(s.f.storage.load().orElseThrow()).as(op).isEqualTo(before);
            AuditEvent event = s.f.lastEvent(op);
            assertThat(event.principalArn()).as(op).isEqualTo(nobody.principalArn());
            assertThat(event.errorCode()).as(op).isEqualTo("AccessDeniedException");
            assertThat(event.authorizationExplanation()).as(op).contains("DENIED");
        }
    }
}
