package dev.kmslab.engine;

import static dev.kmslab.engine.PolicyFixture.ACCOUNT;
import static dev.kmslab.engine.PolicyFixture.CONTEXT;
import static dev.kmslab.engine.PolicyFixture.OTHER_ACCOUNT;
import static dev.kmslab.engine.PolicyFixture.ROOT;
import static dev.kmslab.engine.PolicyFixture.iamAllow;
import static dev.kmslab.engine.PolicyFixture.roleArn;
import static dev.kmslab.engine.PolicyFixture.withTokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kmslab.engine.access.KeyGrantOperations;
import dev.kmslab.engine.core.Arns;
import dev.kmslab.engine.core.Call;
import dev.kmslab.engine.core.CallGate;
import dev.kmslab.engine.core.EngineCore;
import dev.kmslab.engine.core.StateStore;
import dev.kmslab.engine.crypto.AesKeyMaterial;
import dev.kmslab.engine.crypto.CryptoRandom;
import dev.kmslab.engine.error.LimitExceededException;
import dev.kmslab.engine.model.CreateGrantRequest;
import dev.kmslab.engine.model.CreateGrantResult;
import dev.kmslab.engine.model.EncryptRequest;
import dev.kmslab.engine.model.GetKeyPolicyRequest;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyState;
import dev.kmslab.engine.model.KeyUsage;
import dev.kmslab.engine.model.ListGrantsRequest;
import dev.kmslab.engine.model.OriginType;
import dev.kmslab.engine.policy.DefaultKeyPolicy;
import dev.kmslab.engine.policy.Grant;
import dev.kmslab.engine.policy.GrantOperation;
import dev.kmslab.engine.policy.IamRole;
import dev.kmslab.engine.state.EngineState;
import dev.kmslab.engine.state.KeyRecord;
import dev.kmslab.engine.state.KeyVersion;
import dev.kmslab.engine.state.RotationSchedule;
import dev.kmslab.engine.store.InMemoryKeystoreStorage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Key policies, the IAM directory and grants survive a restart; documents written before them still load. */
class PolicyPersistenceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void restart_keepsPoliciesPrincipalsAndGrants() {
        PolicyFixture first = new PolicyFixture();
        String policy = PolicyFixture.adminsAndUsers(roleArn(ACCOUNT, "Admin"), roleArn(ACCOUNT, "App"), "");
        first.role(ACCOUNT, "Admin");
        first.role(ACCOUNT, "App");
        first.role(OTHER_ACCOUNT, "Partner");
        first.engine.principals().attachRolePolicy(OTHER_ACCOUNT, "Partner", "p",
                iamAllow("*", "kms:Encrypt"));
        String keyId = first.keyWithPolicy(policy);
        String granted = first.newKey();
        CreateGrantResult grant = first.engine.createGrant(ROOT, CreateGrantRequest.of(granted,
                roleArn(ACCOUNT, "App"), List.of("Encrypt")));

        KmsEngine restarted = first.open(first.storage);

        assertThat(restarted.getKeyPolicy(ROOT, GetKeyPolicyRequest.of(keyId)).policy()).isEqualTo(policy);
        assertThat(restarted.principals().accounts()).containsExactly(ACCOUNT, OTHER_ACCOUNT);
        assertThat(restarted.principals().roles(ACCOUNT)).extracting(IamRole::name).containsExactly("Admin", "App");
        assertThat(restarted.principals().policiesOf(roleArn(OTHER_ACCOUNT, "Partner"))).hasSize(1);
        assertThat(restarted.listGrants(ROOT, ListGrantsRequest.of(granted)).grants()).hasSize(1);
        CallerContext app = CallerContext.of("arn:aws:sts::111122223333:assumed-role/App/s");
        assertThat(restarted.encrypt(withTokens(app, grant.grantToken()),
                EncryptRequest.of(granted, new byte[] {1}, CONTEXT)).keyId())
                .isEqualTo(first.arn(granted));
    }

    @Test
    void documentWrittenBeforePolicies_loadsWithDefaults() throws Exception {
        PolicyFixture first = new PolicyFixture();
        String keyId = first.newKey();
        first.role(ACCOUNT, "App");
        ObjectNode doc = (ObjectNode) JSON.readTree(first.storage.load().orElseThrow());
        doc.remove("grants");
        doc.remove("principals");
        ((ObjectNode) doc.get("keys").get(0)).remove("policy");
        InMemoryKeystoreStorage old = new InMemoryKeystoreStorage();
        old.save(JSON.writeValueAsBytes(doc));

        KmsEngine reopened = first.open(old);

        assertThat(reopened.getKeyPolicy(ROOT, GetKeyPolicyRequest.of(keyId)).policy())
                .isEqualTo(DefaultKeyPolicy.forAccount(ACCOUNT));
        assertThat(reopened.principals().accounts()).containsExactly(ACCOUNT);
        assertThat(reopened.principals().roles(ACCOUNT)).isEmpty();
        assertThat(reopened.listGrants(ROOT, ListGrantsRequest.of(keyId)).grants()).isEmpty();
    }

    /** Built in memory and driven below the facade: 50,000 grants through JSON would make a slow test. */
    @Test
    void key_holdsAtMost50000Grants() {
        String keyId = "1234abcd-12ab-34cd-56ef-1234567890ab";
        KeyRecord key = new KeyRecord(keyId, Arns.keyArn(ACCOUNT, EngineConfig.DEFAULT_REGION, keyId), ACCOUNT,
                Instant.EPOCH, null, KeyUsage.ENCRYPT_DECRYPT, KeySpec.SYMMETRIC_DEFAULT, OriginType.AWS_KMS,
                KeyState.Enabled, null, null, RotationSchedule.off(), List.of(new KeyVersion(1, "m",
                AesKeyMaterial.generate(CryptoRandom.create()), Instant.EPOCH, null)), 0, Map.of());
        List<Grant> grants = new ArrayList<>();
        for (int i = 0; i < KeyGrantOperations.MAX_GRANTS_PER_KEY; i++) {
            grants.add(new Grant(keyId, String.format("%064x", i), "A".repeat(128), roleArn(ACCOUNT, "App"), null,
                    EnumSet.of(GrantOperation.DECRYPT), null, null, ACCOUNT, Instant.EPOCH));
        }
        EngineState state = EngineState.empty(ACCOUNT, EngineConfig.DEFAULT_REGION).withKey(key);
        state = state.withAccess(state.access().withGrants(keyId, grants));
        EngineConfig config = EngineConfig.defaults();
        EngineCore core = new EngineCore(config, new StateStore(config.storage(), state), new CallGate(config),
                CryptoRandom.create());
        Call call = new Call(KmsOperation.CreateGrant, ROOT, Instant.EPOCH, Map.of());

        assertThatThrownBy(() -> new KeyGrantOperations(core).createGrant(call, CreateGrantRequest.of(keyId,
                roleArn(ACCOUNT, "App"), List.of("Encrypt"))))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("already has 50000 grants");
    }
}
