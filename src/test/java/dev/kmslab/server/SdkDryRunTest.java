package dev.kmslab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.audit.AuditEvent;
import dev.kmslab.engine.audit.AuditQuery;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.DryRunOperationException;
import software.amazon.awssdk.services.kms.model.GrantOperation;
import software.amazon.awssdk.services.kms.model.KmsException;

/**
 * DryRun through the real SDK: an allowed call answers DryRunOperationException (HTTP 412), a denied one
 * AccessDeniedException, both are audited as dry runs, and nothing changes.
 */
class SdkDryRunTest {

    @RegisterExtension
    static final AppRoleFixture lab = new AppRoleFixture();

    private static String keyLettingAppEncryptOnly() {
        String policy = AppRoleFixture.policyLettingAppEncryptOnly();
        return lab.root.createKey(b -> b.policy(policy)).keyMetadata().keyId();
    }

    private static AuditEvent last(String eventName) {
        List<AuditEvent> events = lab.server.engine.auditLog().query(AuditQuery.all().forEvent(eventName));
        return events.get(events.size() - 1);
    }

    @Test
    void allowedEncrypt_isDryRunOperationException412_andAudited() {
        String keyId = keyLettingAppEncryptOnly();

        assertThatThrownBy(() -> lab.app.encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromUtf8String("x"))
                .dryRun(true))).isInstanceOfSatisfying(DryRunOperationException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(412);
                    assertThat(e.awsErrorDetails().errorMessage()).contains("would have succeeded");
                });

        AuditEvent event = last("Encrypt");
        assertThat(event.principalArn()).isEqualTo(ServerFixture.APP_ROLE);
        assertThat(event.errorCode()).isEqualTo("DryRunOperationException");
        assertThat(event.requestParameters()).containsEntry("dryRun", true);
    }

    @Test
    void deniedDecrypt_isAccessDenied_andAuditedAsADryRun() {
        String keyId = keyLettingAppEncryptOnly();
        SdkBytes blob = lab.app.encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromUtf8String("x"))).ciphertextBlob();

        assertThatThrownBy(() -> lab.app.decrypt(b -> b.ciphertextBlob(blob).dryRun(true)))
                .isInstanceOfSatisfying(KmsException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("kms:Decrypt");
                });

        AuditEvent event = last("Decrypt");
        assertThat(event.errorCode()).isEqualTo("AccessDeniedException");
        assertThat(event.requestParameters()).containsEntry("dryRun", true);
    }

    @Test
    void createGrantDryRun_leavesNoGrant_andDryRunFalseIsARealCall() {
        String keyId = lab.root.createKey(b -> b.description("grants")).keyMetadata().keyId();

        assertThatThrownBy(() -> lab.root.createGrant(b -> b.keyId(keyId).granteePrincipal(ServerFixture.APP_ROLE)
                .operations(GrantOperation.DECRYPT).dryRun(true))).isInstanceOf(DryRunOperationException.class);
        assertThat(lab.root.listGrants(b -> b.keyId(keyId)).grants()).isEmpty();

        lab.root.createGrant(b -> b.keyId(keyId).granteePrincipal(ServerFixture.APP_ROLE)
                .operations(GrantOperation.DECRYPT).dryRun(false));
        assertThat(lab.root.listGrants(b -> b.keyId(keyId)).grants()).hasSize(1);
    }

    @Test
    void dataKeyDryRun_returnsNoKeyMaterial() {
        String keyId = lab.root.createKey(b -> b.description("data keys")).keyMetadata().keyId();

        assertThatThrownBy(() -> lab.root.generateDataKey(b -> b.keyId(keyId).keySpec("AES_256")
                .encryptionContext(Map.of("a", "b")).dryRun(true))).isInstanceOf(DryRunOperationException.class);
        assertThat(last("GenerateDataKey").requestParameters()).containsEntry("dryRun", true)
                .containsEntry("encryptionContext", Map.of("a", "b"));
    }
}
