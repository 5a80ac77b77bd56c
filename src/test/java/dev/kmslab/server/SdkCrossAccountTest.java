package dev.kmslab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.EngineConfig;
import dev.kmslab.engine.LabAccounts;
import dev.kmslab.engine.audit.AuditEvent;
import dev.kmslab.engine.audit.AuditQuery;
import dev.kmslab.engine.LabPrincipals;
import dev.kmslab.server.auth.AccessKeyStore;
import dev.kmslab.server.auth.Credential;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;

/**
 * Two lab accounts over the wire: account B's principal uses account A's key by its ARN when A's key policy names
 * B and B's IAM allows the call; either half missing is AccessDeniedException with the decision explained. B has
 * keys of its own, and B's user can also reach A's key through a role of A that trusts B.
 */
class SdkCrossAccountTest {

    private static final String A = EngineConfig.DEFAULT_ACCOUNT;
    private static final String B = LabAccounts.PARTNER_ACCOUNT;

    private static LabAccounts accounts;
    private static KmsHttpServer server;
    private static Credential carol;
    private static Credential dave;
    private static Credential partnerRoot;

    @BeforeAll
    static void start() throws Exception {
        accounts = LabAccounts.inMemory(EngineConfig.defaults());
        LabPrincipals iam = accounts.home().defaultEngine().principals();
        iam.createUser(B, "carol");
        iam.attachUserPolicy(B, "carol", "UseAccountAKeys", "{\"Version\":\"2012-10-17\",\"Statement\":[{"
                + "\"Effect\":\"Allow\",\"Action\":[\"kms:Encrypt\",\"kms:Decrypt\",\"sts:AssumeRole\"],"
                + "\"Resource\":[\"arn:aws:kms:*:" + A + ":key/*\",\"arn:aws:iam::" + A + ":role/Auditor\"]}]}");
        iam.createUser(B, "dave");
        iam.createRole(A, "Auditor");
        iam.setTrustPolicy(A, "Auditor", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::" + B + ":root\"},\"Action\":\"sts:AssumeRole\"}]}");
        AccessKeyStore keys = AccessKeyStore.inMemory(A);
        carol = keys.issueAccessKey("arn:aws:iam::" + B + ":user/carol");
        dave = keys.issueAccessKey("arn:aws:iam::" + B + ":user/dave");
        partnerRoot = keys.issueAccessKey("arn:aws:iam::" + B + ":root");
        server = KmsHttpServer.start(accounts, ServerConfig.defaults(keys).withPort(0)
                .withRequestTimeout(Duration.ofSeconds(8)));
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static KmsClient kms(Credential c) {
        return SdkStsTest.kms(server.endpoint(), AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey()));
    }

    private static KmsClient rootOfA() {
        return SdkStsTest.kms(server.endpoint(), AwsBasicCredentials.create("test", "test"));
    }

    /** A key of account A whose policy lets account B (and, if given, a role of A) encrypt and decrypt. */
    private static String keyOfA(boolean namesB) {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"arn:aws:iam::" + A + ":root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}"
                + (namesB ? ",{\"Sid\":\"PartnerUse\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"arn:aws:iam::"
                + B + ":root\",\"arn:aws:iam::" + A + ":role/Auditor\"]},\"Action\":[\"kms:Encrypt\","
                + "\"kms:Decrypt\"],\"Resource\":\"*\"}" : "") + "]}";
        try (KmsClient root = rootOfA()) {
            return root.createKey(b -> b.policy(policy)).keyMetadata().arn();
        }
    }

    private static void assertDenied(Runnable call, String... explanation) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(KmsException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
            assertThat(e.awsErrorDetails().errorMessage()).contains(explanation);
        });
    }

    @Test
    void partnerUserWithIamAllow_usesAccountAsKeyByArn_andDecryptsWithoutKeyId() {
        String keyArn = keyOfA(true);
        try (KmsClient asCarol = kms(carol)) {
            SdkBytes blob = asCarol.encrypt(b -> b.keyId(keyArn).plaintext(SdkBytes.fromUtf8String("invoice")))
                    .ciphertextBlob();
            assertThat(asCarol.decrypt(b -> b.ciphertextBlob(blob)).plaintext().asUtf8String())
                    .isEqualTo("invoice");
        }
        List<AuditEvent> events = accounts.home().defaultEngine().auditLog()
                .query(AuditQuery.all().forEvent("Encrypt"));
        AuditEvent last = events.get(events.size() - 1);
        assertThat(last.principalArn()).isEqualTo("arn:aws:iam::" + B + ":user/carol");
        assertThat(last.keyArn()).isEqualTo(keyArn);
    }

    @Test
    void aKeyPolicyThatDoesNotNameB_isAccessDenied() {
        String keyArn = keyOfA(false);
        try (KmsClient asCarol = kms(carol)) {
            assertDenied(() -> asCarol.encrypt(b -> b.keyId(keyArn).plaintext(SdkBytes.fromUtf8String("x"))),
                    "arn:aws:iam::" + B + ":user/carol is not authorized to perform: kms:Encrypt on resource: "
                            + keyArn);
        }
    }

    @Test
    void aPartnerUserWithoutIamAllow_isAccessDenied_evenThoughTheKeyPolicyNamesB() {
        String keyArn = keyOfA(true);
        try (KmsClient asDave = kms(dave)) {
            assertDenied(() -> asDave.encrypt(b -> b.keyId(keyArn).plaintext(SdkBytes.fromUtf8String("x"))),
                    "arn:aws:iam::" + B + ":user/dave is not authorized to perform: kms:Encrypt");
        }
    }

    @Test
    void accountBHasItsOwnKeys_whichAccountADoesNotList() {
        try (KmsClient asPartner = kms(partnerRoot); KmsClient rootA = rootOfA()) {
            String arn = asPartner.createKey(b -> b.description("partner key")).keyMetadata().arn();
            assertThat(arn).startsWith("arn:aws:kms:us-east-1:" + B + ":key/");
            assertThat(asPartner.listKeys().keys()).extracting(k -> k.keyArn()).contains(arn);
            assertThat(rootA.listKeys().keys()).extracting(k -> k.keyArn()).doesNotContain(arn);
            assertThat(asPartner.encrypt(b -> b.keyId(arn).plaintext(SdkBytes.fromUtf8String("own")))
                    .keyId()).isEqualTo(arn);
        }
    }

    @Test
    void aPartnerUserAssumesARoleOfA_andUsesAsKeyAsThatRole() {
        String keyArn = keyOfA(true);
        try (StsClient sts = SdkStsTest.sts(server.endpoint(), AwsBasicCredentials.create(carol.accessKeyId(),
                carol.secretAccessKey()))) {
            AssumeRoleResponse r = sts.assumeRole(b -> b.roleArn("arn:aws:iam::" + A + ":role/Auditor")
                    .roleSessionName("carol"));
            assertThat(r.assumedRoleUser().arn()).isEqualTo("arn:aws:sts::" + A + ":assumed-role/Auditor/carol");
            try (KmsClient asAuditor = SdkStsTest.kms(server.endpoint(), SdkStsTest.session(r))) {
                assertThat(asAuditor.encrypt(b -> b.keyId(keyArn).plaintext(SdkBytes.fromUtf8String("audit")))
                        .keyId()).isEqualTo(keyArn);
            }
        }
    }
}
