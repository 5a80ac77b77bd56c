package dev.kmslab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.audit.AuditEvent;
import dev.kmslab.engine.audit.AuditQuery;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DryRunOperationException;
import software.amazon.awssdk.services.kms.model.GrantOperation;
import software.amazon.awssdk.services.kms.model.KmsException;

/**
 * DryRun through the real SDK: an allowed call answers DryRunOperationException (HTTP 412), a denied one
 * AccessDeniedException, both are audited as dry runs, and nothing changes.
 */
class SdkDryRunTest {

    private static final String ACCOUNT = "111122223333";
    private static ServerFixture fixture;
    private static KmsClient root;
    private static KmsClient app;

    @BeforeAll
    static void start() throws Exception {
        fixture = new ServerFixture();
        fixture.engine.principals().createRole(ACCOUNT, "App");
        root = fixture.sdk(fixture.root());
        app = fixture.sdk(fixture.appRoleKey);
    }

    @AfterAll
    static void stop() {
        app.close();
        root.close();
        fixture.close();
    }

    private static String keyLettingAppEncryptOnly() {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + ACCOUNT
                + ":root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + ServerFixture.APP_ROLE
                + "\"},\"Action\":\"kms:Encrypt\",\"Resource\":\"*\"}]}";
        return root.createKey(b -> b.policy(policy)).keyMetadata().keyId();
    }

    private static AuditEvent last(String eventName) {
        List<AuditEvent> events = fixture.engine.auditLog().query(AuditQuery.all().forEvent(eventName));
        return events.get(events.size() - 1);
    }

    @Test
    void allowedEncrypt_isDryRunOperationException412_andAudited() {
        String keyId = keyLettingAppEncryptOnly();

        assertThatThrownBy(() -> app.encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromUtf8String("x"))
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
        SdkBytes blob = app.encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromUtf8String("x"))).ciphertextBlob();

        assertThatThrownBy(() -> app.decrypt(b -> b.ciphertextBlob(blob).dryRun(true)))
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
        String keyId = root.createKey(b -> b.description("grants")).keyMetadata().keyId();

        assertThatThrownBy(() -> root.createGrant(b -> b.keyId(keyId).granteePrincipal(ServerFixture.APP_ROLE)
                .operations(GrantOperation.DECRYPT).dryRun(true))).isInstanceOf(DryRunOperationException.class);
        assertThat(root.listGrants(b -> b.keyId(keyId)).grants()).isEmpty();

        root.createGrant(b -> b.keyId(keyId).granteePrincipal(ServerFixture.APP_ROLE)
                .operations(GrantOperation.DECRYPT).dryRun(false));
        assertThat(root.listGrants(b -> b.keyId(keyId)).grants()).hasSize(1);
    }

    @Test
    void dataKeyDryRun_returnsNoKeyMaterial() {
        String keyId = root.createKey(b -> b.description("data keys")).keyMetadata().keyId();

        assertThatThrownBy(() -> root.generateDataKey(b -> b.keyId(keyId).keySpec("AES_256")
                .encryptionContext(Map.of("a", "b")).dryRun(true))).isInstanceOf(DryRunOperationException.class);
        assertThat(last("GenerateDataKey").requestParameters()).containsEntry("dryRun", true)
                .containsEntry("encryptionContext", Map.of("a", "b"));
    }
}
