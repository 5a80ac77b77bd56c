package dev.kmslab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.EngineConfig;
import dev.kmslab.engine.KmsRegions;
import dev.kmslab.engine.LabAccounts;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.server.auth.AccessKeyStore;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * A server over a supplier of lab accounts (the app's endpoint over the Key Lab): each request reaches the accounts
 * supplied at that moment, and while none are (the engines are being reopened) KMS and STS answer 503.
 */
class SwappableLabServerTest {

    @Test
    void eachRequest_reachesTheAccountsSuppliedNow_and503WhileThereAreNone() throws Exception {
        LabAccounts first = LabAccounts.inMemory(EngineConfig.defaults());
        LabAccounts second = LabAccounts.inMemory(EngineConfig.defaults());
        String inFirst = first.home().defaultEngine().createKey(CallerContext.root("111122223333"),
                CreateKeyRequest.symmetric()).keyMetadata().keyId();
        String inSecond = second.home().defaultEngine().createKey(CallerContext.root("111122223333"),
                CreateKeyRequest.symmetric()).keyMetadata().keyId();
        // The app starts its endpoint once the Key Lab's accounts are open.
        AtomicReference<LabAccounts> current = new AtomicReference<>(first);
        KmsHttpServer server = KmsHttpServer.start(current::get, KmsRegions.LAB_REGIONS,
                ServerConfig.defaults(AccessKeyStore.inMemory("111122223333")).withPort(0), Safeguards.none());
        AwsBasicCredentials root = AwsBasicCredentials.create("test", "test");
        try (KmsClient kms = SdkStsTest.kms(server.endpoint(), root);
             StsClient sts = SdkStsTest.sts(server.endpoint(), root)) {
            current.set(null); // a restore closed the engines and has not opened the new ones yet
            assertThatThrownBy(kms::listKeys).isInstanceOfSatisfying(AwsServiceException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(503);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ServiceUnavailableException");
                assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The lab's keystores are being reopened "
                        + "(a Key Lab snapshot restore or reset); try again in a moment.");
            });
            assertThatThrownBy(sts::getCallerIdentity).isInstanceOfSatisfying(AwsServiceException.class, e ->
                    assertThat(e.statusCode()).isEqualTo(503));

            current.set(first);
            assertThat(kms.listKeys().keys()).extracting(KeyListEntry::keyId).containsExactly(inFirst);
            assertThat(sts.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::111122223333:root");
            current.set(second);
            assertThat(kms.listKeys().keys()).extracting(KeyListEntry::keyId).containsExactly(inSecond);
            // The call is audited by the accounts served when it was made.
            assertThat(second.home().defaultEngine().auditLog().all()).extracting(e -> e.eventName())
                    .contains("ListKeys");
        } finally {
            server.stop();
        }
    }
}
