package dev.kmslab.ui.keylab.audit;

import org.junit.jupiter.api.parallel.ResourceLock;
import dev.kmslab.ui.UiTests;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.audit.AuditEvent;
import dev.kmslab.server.KmsHttpServer;
import dev.kmslab.server.ServerConfig;
import dev.kmslab.server.auth.AccessKeyStore;
import dev.kmslab.server.auth.Credential;
import dev.kmslab.ui.keylab.LabFixture;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;

/** An AssumeRole made over the endpoint shows in the Key Lab's audit view, under its caller in the principal filter. */
@ResourceLock(UiTests.JAVAFX)
class StsAuditViewModelTest {

    @Test
    void assumeRoleOverTheWire_showsUnderItsCaller_withoutTheSecret() throws Exception {
        LabFixture lab = new LabFixture();
        String account = lab.engine.account();
        lab.engine.principals().createRole(account, "Ops");
        lab.engine.principals().createUser(account, "carol");
        lab.engine.principals().attachUserPolicy(account, "carol", "assume", "{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}]}");
        String carol = "arn:aws:iam::" + account + ":user/carol";
        AccessKeyStore keys = AccessKeyStore.inMemory(account);
        Credential key = keys.issueAccessKey(carol);
        AuditViewModel audit = new AuditViewModel(lab.session);
        KmsHttpServer server = KmsHttpServer.start(lab.engine, ServerConfig.defaults(keys).withPort(0)
                .withRequestTimeout(Duration.ofSeconds(8)));
        AssumeRoleResponse r;
        try (StsClient sts = StsClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        key.accessKeyId(), key.secretAccessKey())))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build()) {
            r = sts.assumeRole(b -> b.roleArn("arn:aws:iam::" + account + ":role/Ops").roleSessionName("lesson"));
        } finally {
            server.stop();
        }

        assertThat(audit.principals()).contains(carol);
        assertThat(audit.operations()).contains("AssumeRole");
        audit.principalProperty().set(carol);
        AuditEvent shown = assertThat(audit.visibleEvents()).singleElement().actual();
        assertThat(shown.eventName()).isEqualTo("AssumeRole");
        audit.select(shown);
        assertThat(audit.selectedJson()).contains("\"eventSource\" : \"sts.amazonaws.com\"")
                .contains("\"arn\" : \"arn:aws:sts::" + account + ":assumed-role/Ops/lesson\"")
                .contains(r.credentials().accessKeyId())
                .doesNotContain(r.credentials().secretAccessKey()).doesNotContain(r.credentials().sessionToken());
    }
}
