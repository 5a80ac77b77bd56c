package dev.kmslab.engine;

import static dev.kmslab.engine.PolicyFixture.ACCOUNT;
import static dev.kmslab.engine.PolicyFixture.CONTEXT;
import static dev.kmslab.engine.PolicyFixture.ROOT;
import static dev.kmslab.engine.PolicyFixture.adminsAndUsers;
import static dev.kmslab.engine.PolicyFixture.iamAllow;
import static dev.kmslab.engine.PolicyFixture.roleArn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.authz.AuthorizationDecision;
import dev.kmslab.engine.authz.AuthorizationRequest;
import dev.kmslab.engine.authz.Authorizer;
import dev.kmslab.engine.authz.PolicyAuthorizer;
import dev.kmslab.engine.error.AccessDeniedException;
import dev.kmslab.engine.model.PutKeyPolicyRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The authorizer reuses an allowed decision for an identical request against the same keystore snapshot (the
 * Encrypt/Decrypt hot path). Whatever the decision depended on must still count on the very next call: a changed key
 * policy, a detached IAM policy, a caller's context map changed after the call, and the time, for a policy that tests
 * aws:CurrentTime (the snapshot does not change when only the clock moves). The decisions remembered are bounded yet
 * keep working: after thousands of one-off contexts (S3's per-object aws:s3:arn) a new context is still reused and a
 * busy one keeps its decision.
 */
class AuthorizationReuseTest {

    private final PolicyFixture f = new PolicyFixture();

    @Test
    void changedKeyPolicy_countsOnTheNextCall() {
        CallerContext app = f.role(ACCOUNT, "App");
        f.role(ACCOUNT, "KeyAdmin");
        String keyId = f.keyWithPolicy(adminsAndUsers(roleArn(ACCOUNT, "KeyAdmin"), roleArn(ACCOUNT, "App"), ""));
        f.encrypt(app, keyId, CONTEXT);
        f.encrypt(app, keyId, CONTEXT);

        f.engine.putKeyPolicy(ROOT, PutKeyPolicyRequest.of(keyId,
                adminsAndUsers(roleArn(ACCOUNT, "KeyAdmin"), roleArn(ACCOUNT, "KeyAdmin"), "")));

        assertThatThrownBy(() -> f.encrypt(app, keyId, CONTEXT)).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("is not authorized to perform: kms:Encrypt");
        assertThat(f.lastEvent("Encrypt").errorCode()).isEqualTo("AccessDeniedException");
    }

    @Test
    void detachedIamPolicy_countsOnTheNextCall() {
        CallerContext app = f.role(ACCOUNT, "App");
        f.engine.principals().attachRolePolicy(ACCOUNT, "App", "use-keys",
                iamAllow("arn:aws:kms:us-east-1:111122223333:key/*", "kms:Encrypt"));
        String keyId = f.newKey();
        f.encrypt(app, keyId, CONTEXT);
        f.encrypt(app, keyId, CONTEXT);

        f.engine.principals().detachRolePolicy(ACCOUNT, "App", "use-keys");

        assertThatThrownBy(() -> f.encrypt(app, keyId, CONTEXT)).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("because no identity-based policy allows the kms:Encrypt action");
    }

    @Test
    void contextMapChangedByTheCallerAfterTheCall_isDecidedAfresh() {
        CallerContext app = f.role(ACCOUNT, "App");
        String keyId = f.keyWithPolicy(appPolicy(
                "{\"StringEquals\": {\"kms:EncryptionContext:Department\": \"Finance\"}}"));
        Map<String, String> context = new HashMap<>(Map.of("Department", "Finance"));
        f.encrypt(app, keyId, context);
        f.encrypt(app, keyId, context);

        context.put("Department", "Sales");

        assertThatThrownBy(() -> f.encrypt(app, keyId, context)).isInstanceOf(AccessDeniedException.class);
        context.put("Department", "Finance");
        f.encrypt(app, keyId, context);
    }

    @Test
    void policyOnCurrentTime_isDecidedAtEachCall() {
        CallerContext app = f.role(ACCOUNT, "App");
        String keyId = f.keyWithPolicy(appPolicy(
                "{\"DateLessThan\": {\"aws:CurrentTime\": \"2026-01-02T00:00:00Z\"}}"));
        f.encrypt(app, keyId, CONTEXT);
        f.encrypt(app, keyId, CONTEXT);

        f.clock.advance(Duration.ofDays(2));

        assertThatThrownBy(() -> f.encrypt(app, keyId, CONTEXT)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void afterThousandsOfDistinctContexts_aNewOneIsStillReused_aBusyOneKeepsItsDecision_andAPolicyChangeCounts() {
        LastEncryptDecision decisions = new LastEncryptDecision();
        PolicyFixture g = new PolicyFixture(decisions);
        CallerContext app = g.role(ACCOUNT, "App");
        g.role(ACCOUNT, "KeyAdmin");
        String keyId = g.keyWithPolicy(adminsAndUsers(roleArn(ACCOUNT, "KeyAdmin"), roleArn(ACCOUNT, "App"), ""));
        Map<String, String> busy = Map.of("aws:s3:arn", "arn:aws:s3:::reports/busy.csv");
        g.encrypt(app, keyId, busy);
        AuthorizationDecision busyDecision = decisions.last;
        // One context per object, as S3 sends: three times the 4,096 a generation of remembered decisions holds.
        for (int i = 0; i < 3 * 4096 + 100; i++) {
            g.encrypt(app, keyId, Map.of("aws:s3:arn", "arn:aws:s3:::reports/object-" + i));
            if (i % 1000 == 0) {
                g.encrypt(app, keyId, busy);
                assertThat(decisions.last).as("the busy context's decision after %d others", i)
                        .isSameAs(busyDecision);
            }
        }

        Map<String, String> fresh = Map.of("aws:s3:arn", "arn:aws:s3:::reports/new.csv");
        g.encrypt(app, keyId, fresh);
        AuthorizationDecision first = decisions.last;
        g.encrypt(app, keyId, fresh);
        assertThat(decisions.last).as("the second call's decision is the first one, reused").isSameAs(first);

        g.engine.putKeyPolicy(ROOT, PutKeyPolicyRequest.of(keyId,
                adminsAndUsers(roleArn(ACCOUNT, "KeyAdmin"), roleArn(ACCOUNT, "KeyAdmin"), "")));

        assertThatThrownBy(() -> g.encrypt(app, keyId, fresh)).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("is not authorized to perform: kms:Encrypt");
        assertThatThrownBy(() -> g.encrypt(app, keyId, busy)).isInstanceOf(AccessDeniedException.class);
        assertThat(decisions.last.allowed()).isFalse();
    }

    /** The default authorizer, noting the decision it returned for the latest Encrypt. */
    private static final class LastEncryptDecision implements Authorizer {
        private final PolicyAuthorizer authorizer = new PolicyAuthorizer();
        volatile AuthorizationDecision last;

        @Override
        public AuthorizationDecision authorize(AuthorizationRequest request) {
            AuthorizationDecision decision = authorizer.authorize(request);
            if (request.action().equals("kms:Encrypt")) {
                last = decision;
            }
            return decision;
        }
    }

    /** The account root's IAM delegation plus Encrypt for role App under {@code condition}. */
    private static String appPolicy(String condition) {
        return "{\"Version\": \"2012-10-17\", \"Statement\": ["
                + "{\"Sid\": \"Enable IAM User Permissions\", \"Effect\": \"Allow\", \"Principal\": {\"AWS\": "
                + "\"arn:aws:iam::" + ACCOUNT + ":root\"}, \"Action\": \"kms:*\", \"Resource\": \"*\"},"
                + "{\"Sid\": \"App\", \"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"" + roleArn(ACCOUNT, "App")
                + "\"}, \"Action\": \"kms:Encrypt\", \"Resource\": \"*\", \"Condition\": " + condition + "}]}";
    }
}
