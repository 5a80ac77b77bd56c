package dev.kmslab.engine;

import static dev.kmslab.engine.EngineFixture.ROOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.kmslab.engine.core.KeyStateTable;
import dev.kmslab.engine.core.KeyStateTable.Verdict;
import dev.kmslab.engine.error.DisabledException;
import dev.kmslab.engine.error.KMSInvalidStateException;
import dev.kmslab.engine.model.CancelKeyDeletionRequest;
import dev.kmslab.engine.model.CreateAliasRequest;
import dev.kmslab.engine.model.CreateGrantRequest;
import dev.kmslab.engine.model.GetKeyPolicyRequest;
import dev.kmslab.engine.model.ListGrantsRequest;
import dev.kmslab.engine.model.ListKeyPoliciesRequest;
import dev.kmslab.engine.model.PutKeyPolicyRequest;
import dev.kmslab.engine.model.RetireGrantRequest;
import dev.kmslab.engine.model.RevokeGrantRequest;
import dev.kmslab.engine.policy.DefaultKeyPolicy;
import dev.kmslab.engine.model.DecryptRequest;
import dev.kmslab.engine.model.DeleteAliasRequest;
import dev.kmslab.engine.model.DescribeKeyRequest;
import dev.kmslab.engine.model.DisableKeyRequest;
import dev.kmslab.engine.model.DisableKeyRotationRequest;
import dev.kmslab.engine.model.EnableKeyRequest;
import dev.kmslab.engine.model.EnableKeyRotationRequest;
import dev.kmslab.engine.model.EncryptRequest;
import dev.kmslab.engine.model.GenerateDataKeyRequest;
import dev.kmslab.engine.model.GetKeyRotationStatusRequest;
import dev.kmslab.engine.model.KeyState;
import dev.kmslab.engine.model.ListAliasesRequest;
import dev.kmslab.engine.model.ListKeyRotationsRequest;
import dev.kmslab.engine.model.ListResourceTagsRequest;
import dev.kmslab.engine.model.ReEncryptRequest;
import dev.kmslab.engine.model.RotateKeyOnDemandRequest;
import dev.kmslab.engine.model.ScheduleKeyDeletionRequest;
import dev.kmslab.engine.model.Tag;
import dev.kmslab.engine.model.TagResourceRequest;
import dev.kmslab.engine.model.UntagResourceRequest;
import dev.kmslab.engine.model.UpdateAliasRequest;
import dev.kmslab.engine.model.UpdateKeyDescriptionRequest;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every key-scoped operation in every state the engine can put a key in (Enabled, Disabled, PendingDeletion),
 * called for real, must do exactly what the table says; and the table itself must hold the AWS cells.
 */
class KeyStateTableTest {

    /** How to call each key-scoped operation on key {@code k} in fixture {@code f}. */
    private static final Map<KmsOperation, BiConsumer<EngineFixtureWithBlobs, String>> CALLS = new EnumMap<>(KmsOperation.class);

    static {
        CALLS.put(KmsOperation.DescribeKey, (f, k) -> f.engine.describeKey(ROOT, new DescribeKeyRequest(k)));
        CALLS.put(KmsOperation.UpdateKeyDescription,
                (f, k) -> f.engine.updateKeyDescription(ROOT, new UpdateKeyDescriptionRequest(k, "d")));
        CALLS.put(KmsOperation.EnableKey, (f, k) -> f.engine.enableKey(ROOT, new EnableKeyRequest(k)));
        CALLS.put(KmsOperation.DisableKey, (f, k) -> f.engine.disableKey(ROOT, new DisableKeyRequest(k)));
        CALLS.put(KmsOperation.ScheduleKeyDeletion,
                (f, k) -> f.engine.scheduleKeyDeletion(ROOT, new ScheduleKeyDeletionRequest(k, 7)));
        CALLS.put(KmsOperation.CancelKeyDeletion,
                (f, k) -> f.engine.cancelKeyDeletion(ROOT, new CancelKeyDeletionRequest(k)));
        CALLS.put(KmsOperation.CreateAlias, (f, k) -> f.engine.createAlias(ROOT, new CreateAliasRequest("alias/new", k)));
        CALLS.put(KmsOperation.UpdateAlias, (f, k) -> f.engine.updateAlias(ROOT, new UpdateAliasRequest("alias/other", k)));
        CALLS.put(KmsOperation.DeleteAlias, (f, k) -> f.engine.deleteAlias(ROOT, new DeleteAliasRequest("alias/mine")));
        CALLS.put(KmsOperation.ListAliases, (f, k) -> f.engine.listAliases(ROOT, new ListAliasesRequest(k, null, null)));
        CALLS.put(KmsOperation.TagResource,
                (f, k) -> f.engine.tagResource(ROOT, new TagResourceRequest(k, List.of(new Tag("a", "b")))));
        CALLS.put(KmsOperation.UntagResource,
                (f, k) -> f.engine.untagResource(ROOT, new UntagResourceRequest(k, List.of("a"))));
        CALLS.put(KmsOperation.ListResourceTags,
                (f, k) -> f.engine.listResourceTags(ROOT, new ListResourceTagsRequest(k, null, null)));
        CALLS.put(KmsOperation.Encrypt, (f, k) -> f.engine.encrypt(ROOT, EncryptRequest.of(k, new byte[1], null)));
        CALLS.put(KmsOperation.Decrypt, (f, k) -> f.engine.decrypt(ROOT, DecryptRequest.of(f.blobs.get(k), null)));
        CALLS.put(KmsOperation.ReEncrypt,
                (f, k) -> f.engine.reEncrypt(ROOT, ReEncryptRequest.of(f.blobs.get(k), null, k, null)));
        CALLS.put(KmsOperation.GenerateDataKey,
                (f, k) -> f.engine.generateDataKey(ROOT, GenerateDataKeyRequest.aes256(k, null)));
        CALLS.put(KmsOperation.GenerateDataKeyWithoutPlaintext,
                (f, k) -> f.engine.generateDataKeyWithoutPlaintext(ROOT, GenerateDataKeyRequest.aes256(k, null)));
        CALLS.put(KmsOperation.EnableKeyRotation,
                (f, k) -> f.engine.enableKeyRotation(ROOT, new EnableKeyRotationRequest(k, null)));
        CALLS.put(KmsOperation.DisableKeyRotation,
                (f, k) -> f.engine.disableKeyRotation(ROOT, new DisableKeyRotationRequest(k)));
        CALLS.put(KmsOperation.GetKeyRotationStatus,
                (f, k) -> f.engine.getKeyRotationStatus(ROOT, new GetKeyRotationStatusRequest(k)));
        CALLS.put(KmsOperation.RotateKeyOnDemand,
                (f, k) -> f.engine.rotateKeyOnDemand(ROOT, new RotateKeyOnDemandRequest(k)));
        CALLS.put(KmsOperation.ListKeyRotations,
                (f, k) -> f.engine.listKeyRotations(ROOT, new ListKeyRotationsRequest(k, null, null)));
        CALLS.put(KmsOperation.PutKeyPolicy, (f, k) -> f.engine.putKeyPolicy(ROOT,
                PutKeyPolicyRequest.of(k, DefaultKeyPolicy.forAccount(EngineConfig.DEFAULT_ACCOUNT))));
        CALLS.put(KmsOperation.GetKeyPolicy, (f, k) -> f.engine.getKeyPolicy(ROOT, GetKeyPolicyRequest.of(k)));
        CALLS.put(KmsOperation.ListKeyPolicies,
                (f, k) -> f.engine.listKeyPolicies(ROOT, ListKeyPoliciesRequest.of(k)));
        CALLS.put(KmsOperation.CreateGrant, (f, k) -> f.engine.createGrant(ROOT,
                CreateGrantRequest.of(k, "arn:aws:iam::111122223333:role/app", List.of("Encrypt"))));
        CALLS.put(KmsOperation.ListGrants, (f, k) -> f.engine.listGrants(ROOT, ListGrantsRequest.of(k)));
        CALLS.put(KmsOperation.RetireGrant,
                (f, k) -> f.engine.retireGrant(ROOT, RetireGrantRequest.byId(k, f.grantId)));
        CALLS.put(KmsOperation.RevokeGrant,
                (f, k) -> f.engine.revokeGrant(ROOT, new RevokeGrantRequest(k, f.grantId)));
    }

    /** The table's calls, shared with the authorization-point test. */
    static Map<KmsOperation, BiConsumer<EngineFixtureWithBlobs, String>> calls() {
        return CALLS;
    }

    static Stream<Arguments> reachableCells() {
        return Stream.of(KmsOperation.values()).filter(CALLS::containsKey).flatMap(op ->
                Stream.of(KeyState.Enabled, KeyState.Disabled, KeyState.PendingDeletion)
                        .map(state -> Arguments.of(op, state)));
    }

    @Test
    void everyKeyScopedOperation_hasACallAndATableRow() {
        for (KmsOperation op : KmsOperation.values()) {
            if (op.keyScoped()) {
                // Operations on asymmetric, HMAC and imported keys are driven by AsymmetricKeyStateTableTest.
                // ReplicateKey and UpdatePrimaryRegion need related Regions: MultiRegionKeyStateTableTest drives them.
                assertThat(CALLS.containsKey(op) || AsymmetricKeyStateTableTest.calls().containsKey(op)
                        || MultiRegionKeyStateTableTest.OPERATIONS.contains(op))
                        .as(op.name()).isTrue();
            }
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("reachableCells")
    void engine_followsTheTable(KmsOperation op, KeyState state) {
        StateFixture f = new StateFixture(state);
        Verdict expected = KeyStateTable.verdict(op, state);

        Throwable thrown = catchThrowable(() -> CALLS.get(op).accept(f, f.keyId));

        if (expected == Verdict.ALLOWED) {
            assertThat(thrown).as("%s on %s", op, state).isNull();
        } else {
            Throwable want = expected.toException(f.arn(f.keyId), state);
            assertThat(thrown).as("%s on %s", op, state).isInstanceOf(want.getClass()).hasMessage(want.getMessage());
        }
    }

    @Test
    void table_holdsTheAwsCells() {
        assertThat(KeyStateTable.verdict(KmsOperation.Encrypt, KeyState.Disabled)).isEqualTo(Verdict.DISABLED);
        assertThat(KeyStateTable.verdict(KmsOperation.Encrypt, KeyState.PendingDeletion))
                .isEqualTo(Verdict.PENDING_DELETION);
        assertThat(KeyStateTable.verdict(KmsOperation.Decrypt, KeyState.PendingImport))
                .isEqualTo(Verdict.PENDING_IMPORT);
        assertThat(KeyStateTable.verdict(KmsOperation.CancelKeyDeletion, KeyState.Enabled))
                .isEqualTo(Verdict.NOT_PENDING_DELETION);
        assertThat(KeyStateTable.verdict(KmsOperation.EnableKey, KeyState.PendingDeletion))
                .isEqualTo(Verdict.PENDING_DELETION);
        for (KeyState state : KeyState.values()) {
            assertThat(KeyStateTable.verdict(KmsOperation.DescribeKey, state)).isEqualTo(Verdict.ALLOWED);
            assertThat(KeyStateTable.verdict(KmsOperation.CreateKey, state)).isEqualTo(Verdict.ALLOWED);
        }
    }

    @Test
    void everyCell_isDefined() {
        for (KmsOperation op : KmsOperation.values()) {
            for (KeyState state : KeyState.values()) {
                assertThat(KeyStateTable.verdict(op, state)).as("%s/%s", op, state).isNotNull();
            }
        }
    }

    @Test
    void messages_areAwsStyle() {
        String arn = "arn:aws:kms:us-east-1:111122223333:key/k";
        assertThat(Verdict.DISABLED.toException(arn, KeyState.Disabled))
                .isInstanceOf(DisabledException.class).hasMessage(arn + " is disabled.");
        assertThat(Verdict.PENDING_DELETION.toException(arn, KeyState.PendingDeletion))
                .isInstanceOf(KMSInvalidStateException.class).hasMessage(arn + " is pending deletion.");
    }

    @Test
    void cancelledDeletion_leavesKeyDisabled_andEnableRestoresUse() {
        StateFixture f = new StateFixture(KeyState.PendingDeletion);
        f.engine.cancelKeyDeletion(ROOT, new CancelKeyDeletionRequest(f.keyId));

        assertThat(f.engine.describeKey(ROOT, new DescribeKeyRequest(f.keyId)).keyMetadata().keyState())
                .isEqualTo(KeyState.Disabled);
        f.engine.enableKey(ROOT, new EnableKeyRequest(f.keyId));
        assertThatCode(() -> f.encrypt(f.keyId, "ok")).doesNotThrowAnyException();
    }

    /** A key in the wanted state, with an alias on it, another key for UpdateAlias, and a blob made while enabled. */
    private static final class StateFixture extends EngineFixtureWithBlobs {
        StateFixture(KeyState state) {
            super(state);
        }
    }
}
