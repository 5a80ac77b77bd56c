package dev.kmslab.engine;

import static dev.kmslab.engine.PolicyFixture.ACCOUNT;
import static dev.kmslab.engine.PolicyFixture.ROOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.audit.AuditEvent;
import dev.kmslab.engine.error.AccessDeniedException;
import dev.kmslab.engine.error.DisabledException;
import dev.kmslab.engine.error.DryRunOperationException;
import dev.kmslab.engine.error.InvalidCiphertextException;
import dev.kmslab.engine.error.ValidationException;
import dev.kmslab.engine.model.CreateGrantRequest;
import dev.kmslab.engine.model.CreateGrantResult;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.DataKeyPairSpec;
import dev.kmslab.engine.model.DecryptRequest;
import dev.kmslab.engine.model.DeriveSharedSecretRequest;
import dev.kmslab.engine.model.DisableKeyRequest;
import dev.kmslab.engine.model.EncryptRequest;
import dev.kmslab.engine.model.GenerateDataKeyPairRequest;
import dev.kmslab.engine.model.GenerateDataKeyRequest;
import dev.kmslab.engine.model.GenerateMacRequest;
import dev.kmslab.engine.model.KeyAgreementAlgorithmSpec;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyUsage;
import dev.kmslab.engine.model.ListGrantsRequest;
import dev.kmslab.engine.model.ListKeysRequest;
import dev.kmslab.engine.model.MacAlgorithmSpec;
import dev.kmslab.engine.model.MessageType;
import dev.kmslab.engine.model.OriginType;
import dev.kmslab.engine.model.ReEncryptRequest;
import dev.kmslab.engine.model.RetireGrantRequest;
import dev.kmslab.engine.model.RevokeGrantRequest;
import dev.kmslab.engine.model.SignRequest;
import dev.kmslab.engine.model.SigningAlgorithmSpec;
import dev.kmslab.engine.model.VerifyMacRequest;
import dev.kmslab.engine.model.VerifyRequest;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The DryRun parameter: every check of the real call, no effect, DryRunOperationException when the call would have
 * succeeded and the real error when not, and an audit event marked as a dry run either way.
 */
class DryRunTest {

    private static final byte[] MESSAGE = {1, 2, 3};

    private final PolicyFixture f = new PolicyFixture();

    private static void assertDryRunSucceeded(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOf(DryRunOperationException.class)
                .hasMessageContaining("would have succeeded");
    }

    @Test
    void encryptAllowedByKeyPolicy_isDryRunOperationException_auditedAsDryRun() {
        CallerContext app = f.role(ACCOUNT, "App");
        String keyId = f.keyWithPolicy(PolicyFixture.adminsAndUsers(PolicyFixture.roleArn(ACCOUNT, "Admin"),
                PolicyFixture.roleArn(ACCOUNT, "App"), ""));

        assertDryRunSucceeded(() -> f.engine.encrypt(app.asDryRun(),
                EncryptRequest.of(keyId, MESSAGE, PolicyFixture.CONTEXT)));

        AuditEvent event = f.lastEvent("Encrypt");
        assertThat(event.errorCode()).isEqualTo("DryRunOperationException");
        assertThat(event.principalArn()).isEqualTo(app.principalArn());
        assertThat(event.requestParameters()).containsEntry("dryRun", true).containsEntry("keyId", keyId);
        assertThat(event.keyArn()).isEqualTo(f.arn(keyId));
        assertThat(event.authorizationExplanation()).startsWith("ALLOWED");
    }

    @Test
    void decryptDeniedByKeyPolicy_isAccessDeniedException_auditedAsDryRun() {
        CallerContext app = f.role(ACCOUNT, "App");
        String keyId = f.keyWithPolicy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::" + ACCOUNT + ":root\"},\"Action\":\"kms:*\","
                + "\"Resource\":\"*\"},{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
                + PolicyFixture.roleArn(ACCOUNT, "App") + "\"},\"Action\":\"kms:Encrypt\",\"Resource\":\"*\"}]}");
        byte[] blob = f.encrypt(app, keyId, Map.of());

        assertThatThrownBy(() -> f.engine.decrypt(app.asDryRun(), DecryptRequest.of(blob, Map.of())))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("kms:Decrypt");

        AuditEvent event = f.lastEvent("Decrypt");
        assertThat(event.errorCode()).isEqualTo("AccessDeniedException");
        assertThat(event.requestParameters()).containsEntry("dryRun", true);
    }

    @Test
    void decryptOfATamperedCiphertext_isInvalidCiphertext_notDryRunSuccess() {
        String keyId = f.newKey();
        byte[] blob = f.encrypt(ROOT, keyId, Map.of());
        blob[blob.length - 1] ^= 1;

        assertThatThrownBy(() -> f.engine.decrypt(ROOT.asDryRun(), DecryptRequest.of(blob, Map.of())))
                .isInstanceOf(InvalidCiphertextException.class);
    }

    @Test
    void encryptWithADisabledKey_isDisabledException() {
        String keyId = f.newKey();
        f.engine.disableKey(ROOT, new DisableKeyRequest(keyId));

        assertThatThrownBy(() -> f.engine.encrypt(ROOT.asDryRun(), EncryptRequest.of(keyId, MESSAGE, Map.of())))
                .isInstanceOf(DisabledException.class);
    }

    @Test
    void createGrantDryRun_createsNoGrant() {
        String keyId = f.newKey();
        f.role(ACCOUNT, "App");

        assertDryRunSucceeded(() -> f.engine.createGrant(ROOT.asDryRun(), CreateGrantRequest.of(keyId,
                PolicyFixture.roleArn(ACCOUNT, "App"), List.of("Decrypt"))));

        assertThat(grants(keyId)).isZero();
        assertThat(f.lastEvent("CreateGrant").requestParameters()).containsEntry("dryRun", true);
    }

    @Test
    void revokeAndRetireDryRuns_leaveTheGrantInPlace() {
        String keyId = f.newKey();
        f.role(ACCOUNT, "App");
        CreateGrantResult grant = f.engine.createGrant(ROOT, new CreateGrantRequest(keyId,
                PolicyFixture.roleArn(ACCOUNT, "App"), null, List.of("Decrypt", "RetireGrant"), null, null, null));

        assertDryRunSucceeded(() -> f.engine.revokeGrant(ROOT.asDryRun(),
                new RevokeGrantRequest(keyId, grant.grantId())));
        assertDryRunSucceeded(() -> f.engine.retireGrant(ROOT.asDryRun(),
                RetireGrantRequest.byToken(grant.grantToken())));
        assertThat(grants(keyId)).isOne();

        f.engine.revokeGrant(ROOT, new RevokeGrantRequest(keyId, grant.grantId()));
        assertThat(grants(keyId)).isZero();
    }

    @Test
    void retireGrantDryRunByAPrincipalTheGrantDoesNotName_isAccessDenied() {
        String keyId = f.newKey();
        f.role(ACCOUNT, "App");
        CallerContext other = f.role(ACCOUNT, "Other");
        CreateGrantResult grant = f.engine.createGrant(ROOT, CreateGrantRequest.of(keyId,
                PolicyFixture.roleArn(ACCOUNT, "App"), List.of("Decrypt")));

        assertThatThrownBy(() -> f.engine.retireGrant(other.asDryRun(),
                RetireGrantRequest.byToken(grant.grantToken()))).isInstanceOf(AccessDeniedException.class);
        assertThat(grants(keyId)).isOne();
    }

    @Test
    void anOperationWithoutDryRun_refusesItAndDoesNothing() {
        assertThatThrownBy(() -> f.engine.createKey(ROOT.asDryRun(), CreateKeyRequest.symmetric()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("CreateKey has no DryRun parameter");

        assertThat(f.engine.listKeys(ROOT, new ListKeysRequest(null, null)).keys()).isEmpty();
    }

    @Test
    void everyOperationWithTheMember_answersDryRunOperationException() throws Exception {
        String symmetric = f.newKey();
        String sign = create(KeySpec.ECC_NIST_P256, KeyUsage.SIGN_VERIFY);
        String mac = create(KeySpec.HMAC_256, KeyUsage.GENERATE_VERIFY_MAC);
        String agreement = create(KeySpec.ECC_NIST_P256, KeyUsage.KEY_AGREEMENT);
        byte[] blob = f.encrypt(ROOT, symmetric, Map.of());
        byte[] signature = f.engine.sign(ROOT, SignRequest.raw(sign, MESSAGE, SigningAlgorithmSpec.ECDSA_SHA_256))
                .signature();
        byte[] tag = f.engine.generateMac(ROOT, new GenerateMacRequest(MESSAGE, mac, MacAlgorithmSpec.HMAC_SHA_256))
                .mac();
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        byte[] peer = ec.generateKeyPair().getPublic().getEncoded();
        f.role(ACCOUNT, "App");
        CreateGrantResult grant = f.engine.createGrant(ROOT, CreateGrantRequest.of(symmetric,
                PolicyFixture.roleArn(ACCOUNT, "App"), List.of("Decrypt")));
        CallerContext dry = ROOT.asDryRun();

        Map<KmsOperation, Runnable> calls = new LinkedHashMap<>();
        calls.put(KmsOperation.Encrypt, () -> f.engine.encrypt(dry, EncryptRequest.of(symmetric, MESSAGE, Map.of())));
        calls.put(KmsOperation.Decrypt, () -> f.engine.decrypt(dry, DecryptRequest.of(blob, Map.of())));
        calls.put(KmsOperation.ReEncrypt, () -> f.engine.reEncrypt(dry, ReEncryptRequest.of(blob, Map.of(),
                symmetric, Map.of())));
        calls.put(KmsOperation.GenerateDataKey, () -> f.engine.generateDataKey(dry,
                GenerateDataKeyRequest.aes256(symmetric, Map.of())));
        calls.put(KmsOperation.GenerateDataKeyWithoutPlaintext, () -> f.engine.generateDataKeyWithoutPlaintext(dry,
                GenerateDataKeyRequest.aes256(symmetric, Map.of())));
        calls.put(KmsOperation.GenerateDataKeyPair, () -> f.engine.generateDataKeyPair(dry,
                GenerateDataKeyPairRequest.of(symmetric, DataKeyPairSpec.ECC_NIST_P256)));
        calls.put(KmsOperation.GenerateDataKeyPairWithoutPlaintext, () -> f.engine
                .generateDataKeyPairWithoutPlaintext(dry, GenerateDataKeyPairRequest.of(symmetric,
                        DataKeyPairSpec.ECC_NIST_P256)));
        calls.put(KmsOperation.Sign, () -> f.engine.sign(dry, SignRequest.raw(sign, MESSAGE,
                SigningAlgorithmSpec.ECDSA_SHA_256)));
        calls.put(KmsOperation.Verify, () -> f.engine.verify(dry, new VerifyRequest(sign, MESSAGE, MessageType.RAW,
                signature, SigningAlgorithmSpec.ECDSA_SHA_256)));
        calls.put(KmsOperation.GenerateMac, () -> f.engine.generateMac(dry, new GenerateMacRequest(MESSAGE, mac,
                MacAlgorithmSpec.HMAC_SHA_256)));
        calls.put(KmsOperation.VerifyMac, () -> f.engine.verifyMac(dry, new VerifyMacRequest(MESSAGE, mac,
                MacAlgorithmSpec.HMAC_SHA_256, tag)));
        calls.put(KmsOperation.DeriveSharedSecret, () -> f.engine.deriveSharedSecret(dry,
                new DeriveSharedSecretRequest(agreement, KeyAgreementAlgorithmSpec.ECDH, peer)));
        calls.put(KmsOperation.CreateGrant, () -> f.engine.createGrant(dry, CreateGrantRequest.of(symmetric,
                PolicyFixture.roleArn(ACCOUNT, "App"), List.of("Encrypt"))));
        calls.put(KmsOperation.RevokeGrant, () -> f.engine.revokeGrant(dry,
                new RevokeGrantRequest(symmetric, grant.grantId())));
        calls.put(KmsOperation.RetireGrant, () -> f.engine.retireGrant(dry,
                RetireGrantRequest.byToken(grant.grantToken())));

        List<KmsOperation> withMember = new ArrayList<>();
        for (KmsOperation op : KmsOperation.values()) {
            if (op.supportsDryRun()) {
                withMember.add(op);
            }
        }
        assertThat(calls.keySet()).containsExactlyInAnyOrderElementsOf(withMember);
        calls.forEach((op, call) -> {
            assertDryRunSucceeded(call);
            assertThat(f.lastEvent(op.name()).requestParameters()).as(op.name()).containsEntry("dryRun", true);
        });
        assertThat(grants(symmetric)).isOne();
    }

    private String create(KeySpec spec, KeyUsage usage) {
        return f.engine.createKey(ROOT, new CreateKeyRequest(null, usage, spec, OriginType.AWS_KMS, null))
                .keyMetadata().keyId();
    }

    private int grants(String keyId) {
        return f.engine.listGrants(ROOT, new ListGrantsRequest(keyId, null, null, null, null)).grants().size();
    }
}
