package dev.kmslab.engine;

import static dev.kmslab.engine.PolicyFixture.ACCOUNT;
import static dev.kmslab.engine.PolicyFixture.ROOT;
import static dev.kmslab.engine.PolicyFixture.adminsAndUsers;
import static dev.kmslab.engine.PolicyFixture.iamAllow;
import static dev.kmslab.engine.PolicyFixture.roleArn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.audit.AuditQuery;
import dev.kmslab.engine.error.AccessDeniedException;
import dev.kmslab.engine.error.NotFoundException;
import dev.kmslab.engine.error.ValidationException;
import dev.kmslab.engine.model.CreateAliasRequest;
import dev.kmslab.engine.model.CreateGrantRequest;
import dev.kmslab.engine.model.SimulationRequest;
import dev.kmslab.engine.policy.Decision;
import dev.kmslab.engine.policy.DecisionReason;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The policy simulator answers as the engine would decide, without acting and without an audit event. */
class SimulationTest {

    private static final String APP_SESSION = "arn:aws:sts::111122223333:assumed-role/App/s1";
    private static final String CONDITIONAL = ",\n    {\"Sid\": \"Finance via S3\", \"Effect\": \"Allow\", "
            + "\"Principal\": {\"AWS\": \"arn:aws:iam::111122223333:role/Reader\"}, \"Action\": \"kms:Decrypt\", "
            + "\"Resource\": \"*\", \"Condition\": {\"StringEquals\": {\"kms:EncryptionContext:Department\": "
            + "\"Finance\", \"kms:ViaService\": \"s3.us-east-1.amazonaws.com\"}}}";

    private final PolicyFixture f = new PolicyFixture();
    private final String keyId;

    SimulationTest() {
        f.role(ACCOUNT, "App");
        f.role(ACCOUNT, "Reader");
        keyId = f.keyWithPolicy(adminsAndUsers(roleArn(ACCOUNT, "Admin"), roleArn(ACCOUNT, "App"), CONDITIONAL));
        f.engine.createAlias(ROOT, new CreateAliasRequest("alias/app", keyId));
    }

    @Test
    void allowedRequest_namesTheDecidingStatementAndLine_withoutAnAuditEvent() {
        int eventsBefore = f.audit.query(AuditQuery.all()).size();

        Decision d = f.engine.simulate(SimulationRequest.of(APP_SESSION, "kms:Encrypt", "alias/app"));

        assertThat(d.allowed()).isTrue();
        assertThat(d.reason()).isEqualTo(DecisionReason.ALLOWED_BY_KEY_POLICY);
        assertThat(d.decidingStatement().statement().sid()).isEqualTo("Allow use of the key");
        assertThat(d.decidingStatement().statement().position().line()).isEqualTo(19);
        assertThat(d.explain()).contains("Request: " + APP_SESSION + " calls kms:Encrypt on " + f.arn(keyId));
        assertThat(f.audit.query(AuditQuery.all())).hasSize(eventsBefore);
    }

    @Test
    void conditions_takeTheContextAndServiceOfTheSimulatedRequest() {
        String reader = "arn:aws:sts::111122223333:assumed-role/Reader/s";
        SimulationRequest direct = new SimulationRequest(reader, "kms:Decrypt", keyId,
                Map.of("Department", "Finance"), Optional.empty(), List.of(), Map.of());
        SimulationRequest viaS3 = new SimulationRequest(reader, "kms:Decrypt", keyId,
                Map.of("Department", "Finance"), Optional.of("s3.us-east-1.amazonaws.com"), List.of(), Map.of());
        SimulationRequest wrongContext = new SimulationRequest(reader, "kms:Decrypt", keyId,
                Map.of("Department", "HR"), Optional.of("s3.us-east-1.amazonaws.com"), List.of(), Map.of());

        assertThat(f.engine.simulate(direct).allowed()).isFalse();
        assertThat(f.engine.simulate(direct).accessDeniedMessage())
                .endsWith("because no identity-based policy allows the kms:Decrypt action");
        assertThat(f.engine.simulate(viaS3).allowed()).isTrue();
        assertThat(f.engine.simulate(wrongContext).allowed()).isFalse();
        assertThat(f.engine.simulate(wrongContext).explain()).contains("kms:EncryptionContext:Department");
    }

    @Test
    void grants_countWithTheirTokenAtOnce_orAfterPropagation() {
        f.role(ACCOUNT, "Worker");
        String token = f.engine.createGrant(ROOT, CreateGrantRequest.of(keyId, roleArn(ACCOUNT, "Worker"),
                List.of("Decrypt"))).grantToken();
        String worker = "arn:aws:iam::111122223333:role/Worker";
        SimulationRequest without = SimulationRequest.of(worker, "kms:Decrypt", keyId);
        SimulationRequest with = new SimulationRequest(worker, "kms:Decrypt", keyId, Map.of(), Optional.empty(),
                List.of(token), Map.of());

        assertThat(f.engine.simulate(without).allowed()).isFalse();
        assertThat(f.engine.simulate(with).reason()).isEqualTo(DecisionReason.ALLOWED_BY_GRANT);
        f.engine.advanceClock(EngineConfig.DEFAULT_GRANT_PROPAGATION_DELAY);
        assertThat(f.engine.simulate(without).allowed()).isTrue();
    }

    @Test
    void accountLevelActions_needNoKey_andFollowIamPolicies() {
        f.user(ACCOUNT, "bob");
        String bob = PolicyFixture.userArn(ACCOUNT, "bob");
        assertThat(f.engine.simulate(SimulationRequest.of(bob, "kms:CreateKey", null)).allowed()).isFalse();

        f.engine.principals().attachUserPolicy(ACCOUNT, "bob", "create", iamAllow("*", "kms:CreateKey"));

        Decision d = f.engine.simulate(SimulationRequest.of(bob, "kms:createkey", null));
        assertThat(d.reason()).isEqualTo(DecisionReason.ALLOWED_BY_IAM_POLICY);
        assertThat(d.action()).isEqualTo("kms:CreateKey");
        assertThat(f.engine.simulate(SimulationRequest.of(ROOT.principalArn(), "kms:CreateKey", null)).allowed())
                .isTrue();
    }

    @Test
    void extraConditionValues_overrideTheDerivedOnes() {
        SimulationRequest asHmac = new SimulationRequest(ROOT.principalArn(), "kms:Encrypt", keyId, Map.of(),
                Optional.empty(), List.of(), Map.of("kms:KeySpec", List.of("HMAC_256")));
        String denyHmac = ",\n    {\"Sid\": \"No HMAC\", \"Effect\": \"Deny\", \"Principal\": \"*\", \"Action\": "
                + "\"kms:*\", \"Resource\": \"*\", \"Condition\": {\"StringLike\": {\"kms:KeySpec\": \"HMAC_*\"}}}";
        String guarded = f.keyWithPolicy(adminsAndUsers(roleArn(ACCOUNT, "Admin"), roleArn(ACCOUNT, "App"), denyHmac));
        SimulationRequest guardedAsHmac = new SimulationRequest(ROOT.principalArn(), "kms:Encrypt", guarded,
                Map.of(), Optional.empty(), List.of(), Map.of("kms:KeySpec", List.of("HMAC_256")));

        assertThat(f.engine.simulate(asHmac).allowed()).isTrue();
        assertThat(f.engine.simulate(guardedAsHmac).reason()).isEqualTo(DecisionReason.EXPLICIT_DENY);
        assertThat(f.engine.simulate(SimulationRequest.of(ROOT.principalArn(), "kms:Encrypt", guarded)).allowed())
                .isTrue();
    }

    @Test
    void badQuestions_areRefused() {
        assertThatThrownBy(() -> f.engine.simulate(SimulationRequest.of(APP_SESSION, "kms:Fly", keyId)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> f.engine.simulate(SimulationRequest.of(APP_SESSION, "kms:Decrypt", null)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> f.engine.simulate(SimulationRequest.of(APP_SESSION, "kms:Decrypt", "alias/none")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.engine.simulate(SimulationRequest.of("arn:aws:iam::111122223333:user/ghost",
                "kms:Decrypt", keyId)))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("does not exist in this lab's IAM directory");
    }
}
