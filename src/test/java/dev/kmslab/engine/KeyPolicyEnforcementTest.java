package dev.kmslab.engine;

import static dev.kmslab.engine.PolicyFixture.ACCOUNT;
import static dev.kmslab.engine.PolicyFixture.CONTEXT;
import static dev.kmslab.engine.PolicyFixture.OTHER_ACCOUNT;
import static dev.kmslab.engine.PolicyFixture.ROOT;
import static dev.kmslab.engine.PolicyFixture.adminsAndUsers;
import static dev.kmslab.engine.PolicyFixture.iamAllow;
import static dev.kmslab.engine.PolicyFixture.roleArn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.audit.AuditEvent;
import dev.kmslab.engine.error.AccessDeniedException;
import dev.kmslab.engine.model.CancelKeyDeletionRequest;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.DescribeKeyRequest;
import dev.kmslab.engine.model.GenerateDataKeyRequest;
import dev.kmslab.engine.model.ListKeysRequest;
import dev.kmslab.engine.model.PutKeyPolicyRequest;
import dev.kmslab.engine.model.ScheduleKeyDeletionRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Key policies, IAM policies and conditions enforced on real engine calls, with AWS's access-denied wording. */
class KeyPolicyEnforcementTest {

    private final PolicyFixture f = new PolicyFixture();

    @Test
    void keyAdministrators_manageButCannotUse_keyUsers_useButCannotManage() {
        CallerContext admin = f.role(ACCOUNT, "KeyAdmin");
        CallerContext app = f.role(ACCOUNT, "App");
        String policy = adminsAndUsers(roleArn(ACCOUNT, "KeyAdmin"), roleArn(ACCOUNT, "App"), "");
        String keyId = f.keyWithPolicy(policy);

        byte[] blob = f.encrypt(app, keyId, CONTEXT);
        assertThat(f.decrypt(app, blob, CONTEXT)).containsExactly(7, 7, 7);
        assertThatThrownBy(() -> f.decrypt(admin, blob, CONTEXT))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("User: arn:aws:sts::111122223333:assumed-role/KeyAdmin/session is not authorized to "
                        + "perform: kms:Decrypt on resource: " + f.arn(keyId) + " because no identity-based policy "
                        + "allows the kms:Decrypt action");
        assertThatThrownBy(() -> f.engine.putKeyPolicy(app, PutKeyPolicyRequest.of(keyId, policy)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> f.engine.scheduleKeyDeletion(app, new ScheduleKeyDeletionRequest(keyId, 7)))
                .isInstanceOf(AccessDeniedException.class);

        assertThatCode(() -> f.engine.putKeyPolicy(admin, PutKeyPolicyRequest.of(keyId, policy)))
                .doesNotThrowAnyException();
        f.engine.scheduleKeyDeletion(admin, new ScheduleKeyDeletionRequest(keyId, 7));
        f.engine.cancelKeyDeletion(admin, new CancelKeyDeletionRequest(keyId));
    }

    @Test
    void deniedCall_auditEventCarriesTheExplanation_allowedCallItsDecidingStatement() {
        CallerContext admin = f.role(ACCOUNT, "KeyAdmin");
        CallerContext app = f.role(ACCOUNT, "App");
        String keyId = f.keyWithPolicy(adminsAndUsers(roleArn(ACCOUNT, "KeyAdmin"), roleArn(ACCOUNT, "App"), ""));
        byte[] blob = f.encrypt(app, keyId, CONTEXT);

        AuditEvent allowed = f.lastEvent("Encrypt");
        assertThat(allowed.authorizationExplanation())
                .isEqualTo("ALLOWED_BY_KEY_POLICY by key policy statement \"Allow use of the key\" (line 19)");
        assertThat(allowed.authorizationDecisions()).hasSize(1);
        assertThat(allowed.explainAuthorization())
                .contains("Result: key policy statement \"Allow use of the key\" (line 19) allows the call.");
        assertThatThrownBy(() -> f.decrypt(admin, blob, CONTEXT)).isInstanceOf(AccessDeniedException.class);
        AuditEvent denied = f.lastEvent("Decrypt");
        assertThat(denied.errorCode()).isEqualTo("AccessDeniedException");
        assertThat(denied.principalArn()).isEqualTo(admin.principalArn());
        assertThat(denied.toString()).endsWith(", authorizationDecisions=1]");
        assertThat(denied.authorizationExplanation())
                .startsWith("IMPLICIT_DENY\nDENIED (IMPLICIT_DENY)")
                .contains("key policy statement \"Allow access for Key Administrators\" (line 12), Allow: "
                        + "does not apply")
                .contains("the key policy lets IAM policies decide, but no IAM policy of the caller allows the call.");
    }

    @Test
    void explicitDeny_overridesEveryAllow() {
        CallerContext app = f.role(ACCOUNT, "App");
        String deny = ",\n    {\"Sid\": \"No decrypt for App\", \"Effect\": \"Deny\", \"Principal\": {\"AWS\": \""
                + roleArn(ACCOUNT, "App") + "\"}, \"Action\": \"kms:Decrypt\", \"Resource\": \"*\"}";
        String keyId = f.keyWithPolicy(adminsAndUsers(roleArn(ACCOUNT, "App"), roleArn(ACCOUNT, "App"), deny));
        byte[] blob = f.encrypt(app, keyId, CONTEXT);

        assertThatThrownBy(() -> f.decrypt(app, blob, CONTEXT))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageEndingWith("on resource: " + f.arn(keyId) + " with an explicit deny in a resource-based "
                        + "policy");
        assertThat(f.lastEvent("Decrypt").authorizationExplanation())
                .startsWith("EXPLICIT_DENY by key policy statement \"No decrypt for App\"");
    }

    @Test
    void iamPolicies_countOnlyWhileTheKeyPolicyDelegatesToTheAccount() {
        CallerContext alice = f.user(ACCOUNT, "alice");
        String delegating = f.newKey();
        assertThatThrownBy(() -> f.encrypt(alice, delegating, CONTEXT))
                .hasMessageEndingWith("because no identity-based policy allows the kms:Encrypt action");

        f.engine.principals().attachUserPolicy(ACCOUNT, "alice", "use-keys",
                iamAllow("arn:aws:kms:us-east-1:111122223333:key/*", "kms:Encrypt", "kms:Decrypt"));
        byte[] blob = f.encrypt(alice, delegating, CONTEXT);
        assertThat(f.decrypt(alice, blob, CONTEXT)).containsExactly(7, 7, 7);
        assertThat(f.lastEvent("Decrypt").authorizationExplanation())
                .startsWith("ALLOWED_BY_IAM_POLICY by IAM policy \"use-keys\" statement");

        // Without the root statement the key policy no longer delegates: alice's IAM policy stops counting.
        String noRoot = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Sid\": \"Admins only\", \"Effect\": "
                + "\"Allow\", \"Principal\": {\"AWS\": \"" + roleArn(ACCOUNT, "Admin") + "\"}, \"Action\": \"kms:*\", "
                + "\"Resource\": \"*\"}]}";
        f.engine.principals().createRole(ACCOUNT, "Admin");
        String closed = f.engine.createKey(ROOT, new CreateKeyRequest(null, null, null, null, null, noRoot, true))
                .keyMetadata().keyId();
        assertThatThrownBy(() -> f.encrypt(alice, closed, CONTEXT))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageEndingWith("because no resource-based policy allows the kms:Encrypt action");
        // Not even the account root may use it now: the policy does not name the account.
        assertThatThrownBy(() -> f.engine.describeKey(ROOT, new DescribeKeyRequest(closed)))
                .isInstanceOf(AccessDeniedException.class);

        f.engine.principals().detachUserPolicy(ACCOUNT, "alice", "use-keys");
        assertThatThrownBy(() -> f.encrypt(alice, delegating, CONTEXT)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void crossAccount_needsTheKeyPolicyAndTheCallersOwnIamPolicy() {
        CallerContext partner = f.role(OTHER_ACCOUNT, "Partner");
        String allowOther = ",\n    {\"Sid\": \"Allow account B\", \"Effect\": \"Allow\", \"Principal\": {\"AWS\": "
                + "\"arn:aws:iam::" + OTHER_ACCOUNT + ":root\"}, \"Action\": [\"kms:Encrypt\", \"kms:Decrypt\"], "
                + "\"Resource\": \"*\"}";
        String shared = f.keyWithPolicy(adminsAndUsers(roleArn(ACCOUNT, "x"), roleArn(ACCOUNT, "y"), allowOther));
        String notShared = f.newKey();
        String keyArn = f.arn(shared);

        assertThatThrownBy(() -> f.encrypt(partner, keyArn, CONTEXT))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageEndingWith("because no identity-based policy allows the kms:Encrypt action");
        f.engine.principals().attachRolePolicy(OTHER_ACCOUNT, "Partner", "use-a-key",
                iamAllow("arn:aws:kms:us-east-1:111122223333:key/*", "kms:Encrypt", "kms:Decrypt"));

        byte[] blob = f.encrypt(partner, keyArn, CONTEXT);
        assertThat(f.decrypt(partner, blob, CONTEXT)).containsExactly(7, 7, 7);
        assertThat(f.lastEvent("Decrypt").authorizationExplanation()).startsWith("ALLOWED_CROSS_ACCOUNT");
        assertThatThrownBy(() -> f.encrypt(partner, f.arn(notShared), CONTEXT))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageEndingWith("because no resource-based policy allows the kms:Encrypt action");
    }

    @Test
    void viaServiceCondition_allowsOnlyCallsThroughThatService() {
        CallerContext app = f.role(ACCOUNT, "App");
        String viaS3 = ",\n    {\"Sid\": \"Only through S3\", \"Effect\": \"Allow\", \"Principal\": {\"AWS\": \""
                + roleArn(ACCOUNT, "App") + "\"}, \"Action\": \"kms:GenerateDataKey\", \"Resource\": \"*\", "
                + "\"Condition\": {\"StringEquals\": {\"kms:ViaService\": \"s3.us-east-1.amazonaws.com\"}}}";
        String keyId = f.keyWithPolicy(adminsAndUsers(roleArn(ACCOUNT, "x"), roleArn(ACCOUNT, "y"), viaS3));
        GenerateDataKeyRequest request = GenerateDataKeyRequest.aes256(keyId, CONTEXT);

        assertThatThrownBy(() -> f.engine.generateDataKey(app, request)).isInstanceOf(AccessDeniedException.class);
        assertThat(f.lastEvent("GenerateDataKey").authorizationExplanation())
                .contains("condition: StringEquals kms:ViaService");
        assertThatThrownBy(() -> f.engine.generateDataKey(PolicyFixture.via(app, "ec2.us-east-1.amazonaws.com"),
                request)).isInstanceOf(AccessDeniedException.class);
        assertThat(f.engine.generateDataKey(PolicyFixture.via(app, "s3.us-east-1.amazonaws.com"), request)
                .ciphertextBlob()).isNotEmpty();
    }

    @Test
    void encryptionContextCondition_decidesDecrypt() {
        CallerContext app = f.role(ACCOUNT, "App");
        String finance = ",\n    {\"Sid\": \"Finance only\", \"Effect\": \"Allow\", \"Principal\": {\"AWS\": \""
                + roleArn(ACCOUNT, "Reader") + "\"}, \"Action\": \"kms:Decrypt\", \"Resource\": \"*\", "
                + "\"Condition\": {\"StringEquals\": {\"kms:EncryptionContext:Department\": \"Finance\"}}}";
        CallerContext reader = f.role(ACCOUNT, "Reader");
        String keyId = f.keyWithPolicy(adminsAndUsers(roleArn(ACCOUNT, "x"), roleArn(ACCOUNT, "App"), finance));
        byte[] financeBlob = f.encrypt(app, keyId, Map.of("Department", "Finance"));
        byte[] hrBlob = f.encrypt(app, keyId, Map.of("Department", "HR"));

        assertThat(f.decrypt(reader, financeBlob, Map.of("Department", "Finance"))).containsExactly(7, 7, 7);
        assertThatThrownBy(() -> f.decrypt(reader, hrBlob, Map.of("Department", "HR")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(f.lastEvent("Decrypt").authorizationExplanation())
                .contains("kms:EncryptionContext:Department");
    }

    @Test
    void unknownPrincipal_isDeniedWithAnExplanation() {
        String ghost = "arn:aws:iam::111122223333:user/ghost";

        assertThatThrownBy(() -> f.engine.listKeys(CallerContext.of(ghost), ListKeysRequest.firstPage()))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("User: " + ghost + " is not authorized to perform: kms:ListKeys on resource: "
                        + "arn:aws:kms:us-east-1:111122223333:* because the principal does not exist in this lab's "
                        + "IAM directory (create the user or role, or add its account, first)");
        assertThat(f.lastEvent("ListKeys").isError()).isTrue();
    }

    @Test
    void accountLevelActions_areDecidedByIamAlone() {
        CallerContext bob = f.user(ACCOUNT, "bob");
        assertThatThrownBy(() -> f.engine.createKey(bob, CreateKeyRequest.symmetric()))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("User: arn:aws:iam::111122223333:user/bob is not authorized to perform: kms:CreateKey "
                        + "on resource: arn:aws:kms:us-east-1:111122223333:* because no identity-based policy "
                        + "allows the kms:CreateKey action");

        f.engine.principals().attachUserPolicy(ACCOUNT, "bob", "create", iamAllow("*", "kms:CreateKey",
                "kms:ListKeys"));
        String keyId = f.engine.createKey(bob, CreateKeyRequest.symmetric()).keyMetadata().keyId();
        assertThat(f.engine.listKeys(bob, ListKeysRequest.firstPage()).keys()).hasSize(1);
        // bob made the key, but its default policy gives him nothing he has not got from IAM
        assertThatThrownBy(() -> f.engine.describeKey(bob, new DescribeKeyRequest(keyId)))
                .isInstanceOf(AccessDeniedException.class);
    }
}
