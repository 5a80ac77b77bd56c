package dev.kmslab.engine;

import static dev.kmslab.engine.RegionsFixture.AP;
import static dev.kmslab.engine.RegionsFixture.EAST;
import static dev.kmslab.engine.RegionsFixture.EU;
import static dev.kmslab.engine.RegionsFixture.ROOT;
import static dev.kmslab.engine.RegionsFixture.arn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.audit.AuditEvent;
import dev.kmslab.engine.audit.AuditQuery;
import dev.kmslab.engine.error.AlreadyExistsException;
import dev.kmslab.engine.error.DisabledException;
import dev.kmslab.engine.error.InvalidCiphertextException;
import dev.kmslab.engine.error.NotFoundException;
import dev.kmslab.engine.error.UnsupportedOperationException;
import dev.kmslab.engine.error.ValidationException;
import dev.kmslab.engine.model.CreateAliasRequest;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.DisableKeyRequest;
import dev.kmslab.engine.model.GetKeyPolicyRequest;
import dev.kmslab.engine.model.KeyMetadata;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyState;
import dev.kmslab.engine.model.KeyUsage;
import dev.kmslab.engine.model.MultiRegionKey;
import dev.kmslab.engine.model.MultiRegionKeyType;
import dev.kmslab.engine.model.OriginType;
import dev.kmslab.engine.model.ReplicateKeyRequest;
import dev.kmslab.engine.model.ReplicateKeyResult;
import dev.kmslab.engine.model.SignRequest;
import dev.kmslab.engine.model.SigningAlgorithmSpec;
import dev.kmslab.engine.model.Tag;
import dev.kmslab.engine.model.VerifyRequest;
import dev.kmslab.engine.policy.DefaultKeyPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ReplicateKey: what a replica shares with its primary, what it keeps for itself, and AWS's refusals. */
class ReplicateKeyTest {

    private final RegionsFixture f = new RegionsFixture();

    @Test
    void replica_hasTheSameId_inItsOwnRegion_andBothRegionsDescribeTheRelationship() {
        String keyId = f.newMrk();

        ReplicateKeyResult result = f.in(EAST).replicateKey(ROOT, new ReplicateKeyRequest(keyId, EU));

        KeyMetadata replica = result.replicaKeyMetadata();
        assertThat(replica.keyId()).isEqualTo(keyId);
        assertThat(replica.arn()).isEqualTo(arn(EU, keyId));
        assertThat(replica.keyState()).isEqualTo(KeyState.Enabled);
        assertThat(replica.multiRegionConfiguration().multiRegionKeyType()).isEqualTo(MultiRegionKeyType.REPLICA);
        MultiRegionKey primaryRef = new MultiRegionKey(arn(EAST, keyId), EAST);
        MultiRegionKey replicaRef = new MultiRegionKey(arn(EU, keyId), EU);
        assertThat(replica.multiRegionConfiguration().primaryKey()).isEqualTo(primaryRef);
        assertThat(replica.multiRegionConfiguration().replicaKeys()).containsExactly(replicaRef);
        KeyMetadata primary = f.describe(EAST, keyId);
        assertThat(primary.multiRegionConfiguration().multiRegionKeyType()).isEqualTo(MultiRegionKeyType.PRIMARY);
        assertThat(primary.multiRegionConfiguration().primaryKey()).isEqualTo(primaryRef);
        assertThat(primary.multiRegionConfiguration().replicaKeys()).containsExactly(replicaRef);
        assertThat(f.describe(EU, keyId)).isEqualTo(replica);
    }

    @Test
    void ciphertext_fromThePrimary_decryptsWithTheReplica_andBack() {
        String keyId = f.replicatedMrk();

        byte[] fromEast = f.encrypt(EAST, keyId, "made in Virginia");
        byte[] fromEu = f.encrypt(EU, keyId, "made in Ireland");

        assertThat(f.decrypt(EU, fromEast)).isEqualTo("made in Virginia");
        assertThat(f.decrypt(EAST, fromEu)).isEqualTo("made in Ireland");
    }

    @Test
    void ciphertext_ofAnotherKey_doesNotDecryptInTheReplicaRegion() {
        String replicated = f.replicatedMrk();
        String unreplicated = f.newMrk();
        String single = f.in(EAST).createKey(ROOT, CreateKeyRequest.symmetric()).keyMetadata().keyId();

        assertThat(f.decrypt(EU, f.encrypt(EAST, replicated, "ok"))).isEqualTo("ok");
        // The blob names a key this Region does not hold, so it cannot be a ciphertext of this Region.
        assertThatThrownBy(() -> f.decrypt(EU, f.encrypt(EAST, unreplicated, "no")))
                .isInstanceOf(InvalidCiphertextException.class);
        assertThatThrownBy(() -> f.decrypt(EU, f.encrypt(EAST, single, "no")))
                .isInstanceOf(InvalidCiphertextException.class);
    }

    @Test
    void replica_hasItsOwnPolicyDescriptionTagsAliasesAndState() {
        String keyId = f.newMrk();
        String policy = DefaultKeyPolicy.forAccount(EngineConfig.DEFAULT_ACCOUNT).replace("key-default-1",
                "replica-policy");

        ReplicateKeyResult result = f.in(EAST).replicateKey(ROOT, new ReplicateKeyRequest(keyId, EU, policy, null,
                "the Irish copy", List.of(new Tag("team", "eu"))));

        assertThat(result.replicaPolicy()).isEqualTo(policy);
        assertThat(result.replicaTags()).containsExactly(new Tag("team", "eu"));
        assertThat(result.replicaKeyMetadata().description()).isEqualTo("the Irish copy");
        assertThat(f.in(EU).getKeyPolicy(ROOT, GetKeyPolicyRequest.of(keyId)).policy()).isEqualTo(policy);
        assertThat(f.in(EAST).getKeyPolicy(ROOT, GetKeyPolicyRequest.of(keyId)).policy())
                .isEqualTo(DefaultKeyPolicy.forAccount(EngineConfig.DEFAULT_ACCOUNT));
        assertThat(f.describe(EAST, keyId).description()).isEmpty();

        f.in(EU).createAlias(ROOT, new CreateAliasRequest("alias/eu-only", keyId));
        f.in(EU).disableKey(ROOT, new DisableKeyRequest(keyId));
        assertThat(f.describe(EU, keyId).keyState()).isEqualTo(KeyState.Disabled);
        assertThat(f.describe(EAST, keyId).keyState()).isEqualTo(KeyState.Enabled);
        assertThatThrownBy(() -> f.encrypt(EAST, "alias/eu-only", "x")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void replica_withoutAPolicy_getsTheDefaultPolicy() {
        String keyId = f.newMrk();

        ReplicateKeyResult result = f.in(EAST).replicateKey(ROOT, new ReplicateKeyRequest(keyId, AP));

        assertThat(result.replicaPolicy()).isEqualTo(DefaultKeyPolicy.forAccount(EngineConfig.DEFAULT_ACCOUNT));
        assertThat(result.replicaTags()).isEmpty();
        assertThat(f.describe(EAST, keyId).multiRegionConfiguration().replicaKeys()).extracting(MultiRegionKey::region)
                .containsExactly(AP);
    }

    @Test
    void asymmetricReplica_signsWithTheSamePrivateKey() {
        String keyId = f.in(EAST).createKey(ROOT, new CreateKeyRequest(null, KeyUsage.SIGN_VERIFY,
                KeySpec.ECC_NIST_P256, null, null, true)).keyMetadata().keyId();
        f.in(EAST).replicateKey(ROOT, new ReplicateKeyRequest(keyId, EU));
        byte[] message = {1, 2, 3};

        byte[] signature = f.in(EAST).sign(ROOT, SignRequest.raw(keyId, message,
                SigningAlgorithmSpec.ECDSA_SHA_256)).signature();

        assertThat(f.in(EU).verify(ROOT, new VerifyRequest(keyId, message, dev.kmslab.engine.model.MessageType.RAW, signature,
                SigningAlgorithmSpec.ECDSA_SHA_256)).signatureValid()).isTrue();
    }

    @Test
    void importedPrimary_isReplicatedWithoutMaterial() {
        String keyId = f.in(EAST).createKey(ROOT, new CreateKeyRequest(null, null, null, OriginType.EXTERNAL, null,
                true)).keyMetadata().keyId();

        KeyMetadata replica = f.in(EAST).replicateKey(ROOT, new ReplicateKeyRequest(keyId, EU))
                .replicaKeyMetadata();

        assertThat(replica.keyState()).isEqualTo(KeyState.PendingImport);
        assertThat(replica.origin()).isEqualTo(OriginType.EXTERNAL);
    }

    @Test
    void refusals_areTheAwsErrors() {
        String keyId = f.replicatedMrk();
        String single = f.in(EAST).createKey(ROOT, CreateKeyRequest.symmetric()).keyMetadata().keyId();

        assertThatThrownBy(() -> f.in(EAST).replicateKey(ROOT, new ReplicateKeyRequest(keyId, EU)))
                .isInstanceOf(AlreadyExistsException.class).hasMessageContaining(arn(EU, keyId));
        assertThatThrownBy(() -> f.in(EAST).replicateKey(ROOT, new ReplicateKeyRequest(single, EU)))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("not a multi-Region key");
        assertThatThrownBy(() -> f.in(EAST).replicateKey(ROOT, new ReplicateKeyRequest(keyId, EAST)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("different Region");
        assertThatThrownBy(() -> f.in(EU).replicateKey(ROOT, new ReplicateKeyRequest(keyId, AP)))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("replica key");
        assertThatThrownBy(() -> f.in(EAST).replicateKey(ROOT, new ReplicateKeyRequest(keyId, "sa-east-1")))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("sa-east-1");
        assertThatThrownBy(() -> f.in(EAST).replicateKey(ROOT, new ReplicateKeyRequest(keyId, null)))
                .isInstanceOf(ValidationException.class);
        f.in(EAST).disableKey(ROOT, new DisableKeyRequest(keyId));
        assertThatThrownBy(() -> f.in(EAST).replicateKey(ROOT, new ReplicateKeyRequest(keyId, AP)))
                .isInstanceOf(DisabledException.class).hasMessage(arn(EAST, keyId) + " is disabled.");
        assertThat(f.in(AP).core().store.current().keys()).doesNotContainKey(keyId);
    }

    @Test
    void auditEvents_nameTheirRegion() {
        String keyId = f.replicatedMrk();
        f.encrypt(EU, keyId, "x");

        AuditEvent replicate = f.audit.query(AuditQuery.all().forEvent("ReplicateKey")).get(0);
        AuditEvent encrypt = f.audit.query(AuditQuery.all().forEvent("Encrypt")).get(0);

        assertThat(replicate.awsRegion()).isEqualTo(EAST);
        assertThat(replicate.keyArn()).isEqualTo(arn(EAST, keyId));
        assertThat(replicate.requestParameters()).containsEntry("replicaRegion", EU);
        assertThat(encrypt.awsRegion()).isEqualTo(EU);
    }
}
