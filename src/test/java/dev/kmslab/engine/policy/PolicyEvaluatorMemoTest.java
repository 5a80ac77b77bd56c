package dev.kmslab.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The evaluator remembers statement results (and, for a key without grants, whole decisions) between requests. One
 * evaluator and one parsed policy answer a sequence of requests here, so each answer below would come from the
 * memo if it wrongly covered what changed: the time, the context, the caller, the action, the grants or the policy.
 */
class PolicyEvaluatorMemoTest {

    private static final String POLICY = "{\"Version\": \"2012-10-17\", \"Statement\": ["
            + "{\"Sid\": \"Use while tenant acme\", \"Effect\": \"Allow\", \"Principal\": {\"AWS\": "
            + "\"arn:aws:iam::111122223333:role/KeyUser\"}, \"Action\": \"kms:Decrypt\", \"Resource\": \"*\", "
            + "\"Condition\": {\"StringEquals\": {\"kms:EncryptionContext:tenant\": \"acme\"}}},"
            + "{\"Sid\": \"Until the end of 2026\", \"Effect\": \"Allow\", \"Principal\": {\"AWS\": "
            + "\"arn:aws:iam::111122223333:user/alice\"}, \"Action\": \"kms:Decrypt\", \"Resource\": \"*\", "
            + "\"Condition\": {\"DateLessThan\": {\"aws:CurrentTime\": \"2027-01-01T00:00:00Z\"}}}]}";

    private final PolicyEvaluator evaluator = new PolicyEvaluator();
    private final PolicyDocument policy = PolicyParser.parse(POLICY);

    private Decision evaluate(Principal who, String action, Map<String, String> context, Instant now,
                              List<Grant> grants, PolicyDocument keyPolicy) {
        return evaluator.evaluate(new EvaluationRequest(who, action, Fixtures.KEY_ARN, Fixtures.A, keyPolicy,
                List.of(), grants, Map.of(), context, now, Set.of()));
    }

    @Test
    void aRepeatedRequest_isAnsweredTheSame_andEachChangedPartIsEvaluatedAfresh() {
        Principal user = Fixtures.KEY_USER.session("worker-1");
        Map<String, String> acme = Map.of("tenant", "acme");
        Decision first = evaluate(user, "kms:Decrypt", acme, Fixtures.NOW, List.of(), policy);
        Decision again = evaluate(user, "kms:Decrypt", Map.of("tenant", "acme"), Fixtures.NOW.plusSeconds(60),
                List.of(), policy);
        assertThat(first.reason()).isEqualTo(DecisionReason.ALLOWED_BY_KEY_POLICY);
        assertThat(again).isEqualTo(first);
        assertThat(again.summary()).isEqualTo(first.summary()).contains("Use while tenant acme");

        assertThat(evaluate(user, "kms:Decrypt", Map.of("tenant", "other"), Fixtures.NOW, List.of(), policy)
                .reason()).isEqualTo(DecisionReason.IMPLICIT_DENY);
        assertThat(evaluate(user, "kms:Encrypt", acme, Fixtures.NOW, List.of(), policy).reason())
                .isEqualTo(DecisionReason.IMPLICIT_DENY);
        assertThat(evaluate(Fixtures.KEY_USER.session("worker-2"), "kms:Decrypt", acme, Fixtures.NOW, List.of(),
                policy).principalArn()).endsWith("/worker-2");
        assertThat(evaluate(Fixtures.APP_ROLE.session("worker-1"), "kms:Decrypt", acme, Fixtures.NOW, List.of(),
                policy).reason()).isEqualTo(DecisionReason.IMPLICIT_DENY);
        // the same text parsed again is a new policy: evaluated, and equal in outcome
        assertThat(evaluate(user, "kms:Decrypt", acme, Fixtures.NOW, List.of(), PolicyParser.parse(POLICY))
                .reason()).isEqualTo(DecisionReason.ALLOWED_BY_KEY_POLICY);
        assertThat(evaluate(user, "kms:Decrypt", acme, Fixtures.NOW, List.of(), PolicyParser.parse(
                POLICY.replace("kms:Decrypt", "kms:Encrypt"))).reason()).isEqualTo(DecisionReason.IMPLICIT_DENY);
    }

    @Test
    void aConditionOnCurrentTime_isDecidedAtEachRequestsTime() {
        Instant before = Instant.parse("2026-12-31T23:59:00Z");
        Instant after = Instant.parse("2027-01-01T00:01:00Z");
        assertThat(evaluate(Fixtures.ALICE, "kms:Decrypt", Map.of(), before, List.of(), policy).reason())
                .isEqualTo(DecisionReason.ALLOWED_BY_KEY_POLICY);
        assertThat(evaluate(Fixtures.ALICE, "kms:Decrypt", Map.of(), after, List.of(), policy).reason())
                .isEqualTo(DecisionReason.IMPLICIT_DENY);
        assertThat(evaluate(Fixtures.ALICE, "kms:Decrypt", Map.of(), before, List.of(), policy).reason())
                .isEqualTo(DecisionReason.ALLOWED_BY_KEY_POLICY);
    }

    @Test
    void aGrantAddedLater_allowsWhatTheRememberedPolicyResultDenied_andOnlyOnceItIsInForce() {
        Principal bob = Fixtures.BOB_B;
        assertThat(evaluate(bob, "kms:Decrypt", Map.of(), Fixtures.NOW, List.of(), policy).reason())
                .isEqualTo(DecisionReason.IMPLICIT_DENY);
        Grant grant = new Grant("1234abcd-12ab-34cd-56ef-1234567890ab", "g1", "token-1", bob.arn(), null,
                Set.of(GrantOperation.DECRYPT), null, "n", Fixtures.A, Fixtures.NOW);
        // within the propagation delay the grant is not yet in force (no token presented)
        assertThat(evaluate(bob, "kms:Decrypt", Map.of(), Fixtures.NOW, List.of(grant), policy).reason())
                .isEqualTo(DecisionReason.IMPLICIT_DENY);
        assertThat(evaluate(bob, "kms:Decrypt", Map.of(), Fixtures.NOW.plusSeconds(60), List.of(grant), policy)
                .reason()).isEqualTo(DecisionReason.ALLOWED_BY_GRANT);
        assertThat(evaluate(bob, "kms:Decrypt", Map.of(), Fixtures.NOW.plusSeconds(60), List.of(), policy)
                .reason()).isEqualTo(DecisionReason.IMPLICIT_DENY);
    }
}
