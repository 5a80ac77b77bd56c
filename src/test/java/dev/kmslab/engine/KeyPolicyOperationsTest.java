package dev.kmslab.engine;

import static dev.kmslab.engine.PolicyFixture.ACCOUNT;
import static dev.kmslab.engine.PolicyFixture.ROOT;
import static dev.kmslab.engine.PolicyFixture.adminsAndUsers;
import static dev.kmslab.engine.PolicyFixture.roleArn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.error.AccessDeniedException;
import dev.kmslab.engine.error.KMSInternalException;
import dev.kmslab.engine.error.MalformedPolicyDocumentException;
import dev.kmslab.engine.error.NotFoundException;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.GetKeyPolicyRequest;
import dev.kmslab.engine.model.ListKeyPoliciesRequest;
import dev.kmslab.engine.model.ListKeysRequest;
import dev.kmslab.engine.model.PutKeyPolicyRequest;
import dev.kmslab.engine.policy.DefaultKeyPolicy;
import dev.kmslab.engine.policy.LockoutSafetyCheck;
import dev.kmslab.engine.policy.PolicyValidationException;
import dev.kmslab.engine.store.FailingStorage;
import dev.kmslab.engine.store.InMemoryKeystoreStorage;
import org.junit.jupiter.api.Test;

/** PutKeyPolicy, GetKeyPolicy, ListKeyPolicies, CreateKey with a policy, validation and the lockout check. */
class KeyPolicyOperationsTest {

    private static final String MISSING_EFFECT = "{\n"
            + "  \"Version\": \"2012-10-17\",\n"
            + "  \"Statement\": [\n"
            + "    {\"Sid\": \"Broken\", \"Principal\": {\"AWS\": \"arn:aws:iam::111122223333:root\"},\n"
            + "     \"Action\": \"kms:*\", \"Resource\": \"*\"}\n"
            + "  ]\n"
            + "}";

    private final PolicyFixture f = new PolicyFixture();

    @Test
    void newKey_hasTheDefaultPolicy_namedDefault() {
        String keyId = f.newKey();

        assertThat(f.engine.getKeyPolicy(ROOT, GetKeyPolicyRequest.of(keyId)).policy())
                .isEqualTo(DefaultKeyPolicy.forAccount(ACCOUNT));
        assertThat(f.engine.getKeyPolicy(ROOT, new GetKeyPolicyRequest(keyId, null)).policyName())
                .isEqualTo("default");
        assertThat(f.engine.listKeyPolicies(ROOT, ListKeyPoliciesRequest.of(keyId)).policyNames())
                .containsExactly("default");
        assertThatThrownBy(() -> f.engine.getKeyPolicy(ROOT, new GetKeyPolicyRequest(keyId, "custom")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void putKeyPolicy_storesTheTextVerbatim() {
        String keyId = f.newKey();
        String odd = DefaultKeyPolicy.forAccount(ACCOUNT).replace("\n", "\n\n   ");

        f.engine.putKeyPolicy(ROOT, PutKeyPolicyRequest.of(keyId, odd));

        assertThat(f.engine.getKeyPolicy(ROOT, GetKeyPolicyRequest.of(keyId)).policy()).isEqualTo(odd);
        assertThat(f.lastEvent("PutKeyPolicy").requestParameters()).containsEntry("policyName", "default");
    }

    @Test
    void malformedPolicy_isRefusedWithPathLineAndColumn_onPutAndOnCreate() {
        String keyId = f.newKey();

        assertThatThrownBy(() -> f.engine.putKeyPolicy(ROOT, PutKeyPolicyRequest.of(keyId, MISSING_EFFECT)))
                .isInstanceOf(PolicyValidationException.class)
                .hasMessage("Statement[0] (line 4, column 5): the statement has no Effect")
                .satisfies(e -> {
                    PolicyValidationException p = (PolicyValidationException) e;
                    assertThat(p.path()).isEqualTo("Statement[0]");
                    assertThat(p.line()).isEqualTo(4);
                    assertThat(p.column()).isEqualTo(5);
                    assertThat(p.errorCode()).isEqualTo("MalformedPolicyDocumentException");
                });
        assertThat(f.lastEvent("PutKeyPolicy").errorCode()).isEqualTo("MalformedPolicyDocumentException");
        assertThat(f.engine.getKeyPolicy(ROOT, GetKeyPolicyRequest.of(keyId)).policy())
                .isEqualTo(DefaultKeyPolicy.forAccount(ACCOUNT));
        assertThatThrownBy(() -> f.engine.createKey(ROOT, CreateKeyRequest.withPolicy("not json")))
                .isInstanceOf(PolicyValidationException.class);
        assertThat(f.engine.listKeys(ROOT, ListKeysRequest.firstPage()).keys()).hasSize(1);
    }

    @Test
    void lockoutCheck_refusesAPolicyThatLocksTheCallerOut_unlessBypassed() {
        CallerContext admin = f.role(ACCOUNT, "KeyAdmin");
        f.role(ACCOUNT, "App");
        String keyId = f.keyWithPolicy(adminsAndUsers(roleArn(ACCOUNT, "KeyAdmin"), roleArn(ACCOUNT, "App"), ""));
        String usersOnly = "{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \""
                + roleArn(ACCOUNT, "App") + "\"}, \"Action\": \"kms:Decrypt\", \"Resource\": \"*\"}]}";

        assertThatThrownBy(() -> f.engine.putKeyPolicy(admin, PutKeyPolicyRequest.of(keyId, usersOnly)))
                .isInstanceOf(MalformedPolicyDocumentException.class)
                .hasMessage(LockoutSafetyCheck.MESSAGE);
        f.engine.putKeyPolicy(admin, new PutKeyPolicyRequest(keyId, "default", usersOnly, true));

        // Bypassed, the policy now locks out the administrator and even the account root for good.
        assertThatThrownBy(() -> f.engine.getKeyPolicy(ROOT, GetKeyPolicyRequest.of(keyId)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> f.engine.putKeyPolicy(admin, PutKeyPolicyRequest.of(keyId, usersOnly)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void lockoutCheck_appliesToCreateKeyWithAPolicy() {
        String withoutRoot = "{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \""
                + roleArn(ACCOUNT, "App") + "\"}, \"Action\": \"kms:*\", \"Resource\": \"*\"}]}";
        f.role(ACCOUNT, "App");

        assertThatThrownBy(() -> f.engine.createKey(ROOT, CreateKeyRequest.withPolicy(withoutRoot)))
                .isInstanceOf(MalformedPolicyDocumentException.class)
                .hasMessage(LockoutSafetyCheck.MESSAGE);
        assertThat(f.engine.listKeys(ROOT, ListKeysRequest.firstPage()).keys()).isEmpty();
        String keyId = f.engine.createKey(ROOT, new CreateKeyRequest(null, null, null, null, null, withoutRoot, true))
                .keyMetadata().keyId();
        assertThat(f.engine.listKeys(ROOT, ListKeysRequest.firstPage()).keys()).hasSize(1);
        assertThat(f.lastEvent("CreateKey").requestParameters()).doesNotContainKey("policy");
        assertThat(keyId).isNotBlank();
    }

    @Test
    void failedSave_leavesTheOldPolicyInPlace() {
        FailingStorage storage = new FailingStorage(new InMemoryKeystoreStorage());
        PolicyFixture failing = new PolicyFixture(storage);
        String keyId = failing.newKey();
        storage.failing = true;
        String other = DefaultKeyPolicy.forAccount(ACCOUNT).replace("key-default-1", "changed");

        assertThatThrownBy(() -> failing.engine.putKeyPolicy(ROOT, PutKeyPolicyRequest.of(keyId, other)))
                .isInstanceOf(KMSInternalException.class);
        assertThatThrownBy(() -> failing.engine.principals().createRole(ACCOUNT, "Lost"))
                .isInstanceOf(KMSInternalException.class);

        storage.failing = false;
        assertThat(failing.engine.getKeyPolicy(ROOT, GetKeyPolicyRequest.of(keyId)).policy())
                .isEqualTo(DefaultKeyPolicy.forAccount(ACCOUNT));
        assertThat(failing.engine.principals().roles(ACCOUNT)).isEmpty();
    }
}
