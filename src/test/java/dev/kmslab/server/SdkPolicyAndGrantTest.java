package dev.kmslab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.CreateGrantResponse;
import software.amazon.awssdk.services.kms.model.GrantListEntry;
import software.amazon.awssdk.services.kms.model.GrantOperation;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.MalformedPolicyDocumentException;

/**
 * Key policies and grants through the real SDK: the account root administers, and {@code role/App} (a role that
 * exists in the lab, with no IAM policies of its own) can only do what a key policy or a grant lets it do.
 */
class SdkPolicyAndGrantTest {

    @RegisterExtension
    static final AppRoleFixture lab = new AppRoleFixture();

    private static void assertAccessDenied(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(KmsException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
            assertThat(e.awsErrorDetails().errorMessage()).contains(ServerFixture.APP_ROLE);
        });
    }

    @Test
    void putKeyPolicy_letsTheSecondPrincipalEncryptButNotDecrypt() {
        String keyId = lab.root.createKey(b -> b.description("policy")).keyMetadata().keyId();
        assertAccessDenied(() -> lab.app.encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromUtf8String("x"))));

        lab.root.putKeyPolicy(b -> b.keyId(keyId).policyName("default")
                .policy(AppRoleFixture.policyLettingAppEncryptOnly()));

        SdkBytes ciphertext = lab.app.encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromUtf8String("order 42"))
                .encryptionContext(Map.of("app", "orders"))).ciphertextBlob();
        assertAccessDenied(() -> lab.app.decrypt(b -> b.ciphertextBlob(ciphertext)
                .encryptionContext(Map.of("app", "orders"))));
        assertThat(lab.root.decrypt(b -> b.ciphertextBlob(ciphertext).encryptionContext(Map.of("app", "orders")))
                .plaintext().asUtf8String()).isEqualTo("order 42");
    }

    @Test
    void createKeyWithPolicy_isReturnedVerbatimByGetKeyPolicy() {
        String policy = AppRoleFixture.policyLettingAppEncryptOnly();
        String keyId = lab.root.createKey(b -> b.policy(policy)).keyMetadata().keyId();

        assertThat(lab.root.getKeyPolicy(b -> b.keyId(keyId)).policy()).isEqualTo(policy);
        assertThat(lab.root.getKeyPolicy(b -> b.keyId(keyId)).policyName()).isEqualTo("default");
        assertThat(lab.root.listKeyPolicies(b -> b.keyId(keyId)).policyNames()).containsExactly("default");
        assertThat(lab.app.encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromUtf8String("x"))).keyId())
                .endsWith(keyId);
    }

    @Test
    void putKeyPolicy_thatLocksTheCallerOut_isRefusedUnlessBypassed() {
        String keyId = lab.root.createKey(b -> b.description("lockout")).keyMetadata().keyId();
        String appOnly = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
                + ServerFixture.APP_ROLE + "\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";

        assertThatThrownBy(() -> lab.root.putKeyPolicy(b -> b.keyId(keyId).policy(appOnly)))
                .isInstanceOf(MalformedPolicyDocumentException.class);
        lab.root.putKeyPolicy(b -> b.keyId(keyId).policy(appOnly).bypassPolicyLockoutSafetyCheck(true));
        assertThat(lab.app.getKeyPolicy(b -> b.keyId(keyId)).policy()).isEqualTo(appOnly);
    }

    @Test
    void createGrant_letsTheGranteeDecryptAtOnceWithTheToken_untilRevoked() {
        String keyId = lab.root.createKey(b -> b.description("grants")).keyMetadata().keyId();
        SdkBytes ciphertext = lab.root.encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromUtf8String("payload"))
                .encryptionContext(Map.of("tenant", "t1"))).ciphertextBlob();

        CreateGrantResponse grant = lab.root.createGrant(b -> b.keyId(keyId).granteePrincipal(ServerFixture.APP_ROLE)
                .operations(GrantOperation.DECRYPT).name("app-decrypt")
                .constraints(c -> c.encryptionContextSubset(Map.of("tenant", "t1"))));

        assertThat(grant.grantId()).isNotBlank();
        assertThat(lab.app.decrypt(b -> b.ciphertextBlob(ciphertext).encryptionContext(Map.of("tenant", "t1"))
                .grantTokens(grant.grantToken())).plaintext().asUtf8String()).isEqualTo("payload");
        GrantListEntry listed = lab.root.listGrants(b -> b.keyId(keyId)).grants().get(0);
        assertThat(listed.grantId()).isEqualTo(grant.grantId());
        assertThat(listed.name()).isEqualTo("app-decrypt");
        assertThat(listed.granteePrincipal()).isEqualTo(ServerFixture.APP_ROLE);
        assertThat(listed.issuingAccount()).isEqualTo("arn:aws:iam::" + AppRoleFixture.ACCOUNT + ":root");
        assertThat(listed.operations()).containsExactly(GrantOperation.DECRYPT);
        assertThat(listed.constraints().encryptionContextSubset()).isEqualTo(Map.of("tenant", "t1"));
        assertThat(listed.keyId()).endsWith(keyId);
        assertThat(listed.creationDate()).isNotNull();

        lab.root.revokeGrant(b -> b.keyId(keyId).grantId(grant.grantId()));
        assertThat(lab.root.listGrants(b -> b.keyId(keyId)).grants()).isEmpty();
        assertAccessDenied(() -> lab.app.decrypt(b -> b.ciphertextBlob(ciphertext)
                .encryptionContext(Map.of("tenant", "t1"))));
    }

    @Test
    void retiringPrincipal_seesAndRetiresTheGrant() {
        String keyId = lab.root.createKey(b -> b.description("retire")).keyMetadata().keyId();
        CreateGrantResponse grant = lab.root.createGrant(b -> b.keyId(keyId).granteePrincipal(ServerFixture.APP_ROLE)
                .retiringPrincipal(ServerFixture.APP_ROLE).operations(GrantOperation.ENCRYPT));

        assertThat(lab.root.listRetirableGrants(b -> b.retiringPrincipal(ServerFixture.APP_ROLE)).grants())
                .extracting(GrantListEntry::grantId).contains(grant.grantId());
        lab.app.retireGrant(b -> b.keyId(keyId).grantId(grant.grantId()));
        assertThat(lab.root.listGrants(b -> b.keyId(keyId)).grants()).isEmpty();
    }
}
