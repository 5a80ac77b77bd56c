package dev.kmslab.engine.policy;

import static dev.kmslab.engine.policy.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.model.GrantConstraints;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GrantRulesTest {

    private static Grant grant(String grantee, String retiring, GrantOperation... ops) {
        return new Grant(KEY_ARN, "g1", "tok1", grantee, retiring, Set.of(ops), null, "lab", A, NOW);
    }

    @Test
    void retiringPrincipal_mayRetire() {
        Grant g = grant(ALICE.arn(), APP_ROLE.arn(), GrantOperation.DECRYPT);

        assertThat(GrantRules.canRetire(g, APP_ROLE.session("s")).allowed()).isTrue();
        assertThat(GrantRules.canRetire(g, APP_ROLE).reason()).isEqualTo("the caller is the grant's retiring principal");
    }

    @Test
    void grantee_mayRetireOnlyWhenTheGrantAllowsRetireGrant() {
        assertThat(GrantRules.canRetire(grant(ALICE.arn(), null, GrantOperation.DECRYPT), ALICE).allowed()).isFalse();
        assertThat(GrantRules.canRetire(grant(ALICE.arn(), null, GrantOperation.DECRYPT,
                GrantOperation.RETIRE_GRANT), ALICE).allowed()).isTrue();
    }

    @Test
    void creatingAccount_mayRetire_otherAccountsMayNot() {
        Grant g = grant(ALICE.arn(), null, GrantOperation.DECRYPT);

        assertThat(GrantRules.canRetire(g, ROOT_A).allowed()).isTrue();
        assertThat(GrantRules.canRetire(g, ROOT_B).allowed()).isFalse();
        assertThat(GrantRules.canRetire(g, KEY_ADMIN).allowed()).isFalse();
    }

    @Test
    void effectiveness_followsTokenOrPropagationDelay() {
        Grant g = grant(ALICE.arn(), null, GrantOperation.DECRYPT);
        Duration delay = Duration.ofSeconds(5);

        assertThat(GrantRules.isEffective(g, NOW.plusSeconds(4), delay, Set.of())).isFalse();
        assertThat(GrantRules.isEffective(g, NOW.plusSeconds(4), delay, Set.of("tok1"))).isTrue();
        assertThat(GrantRules.isEffective(g, NOW.plusSeconds(5), delay, Set.of())).isTrue();
        assertThat(GrantRules.isEffective(g, NOW, Duration.ZERO, Set.of("other"))).isTrue();
    }

    @Test
    void constraints_keysIgnoreCase_valuesDoNot() {
        GrantConstraints subset = GrantConstraints.subset(Map.of("Dept", "Finance"));
        GrantConstraints equal = GrantConstraints.equalTo(Map.of("Dept", "Finance", "Stage", "prod"));

        assertThat(subset.allows(Map.of("DEPT", "Finance", "x", "y"))).isTrue();
        assertThat(subset.allows(Map.of("Dept", "FINANCE"))).isFalse();
        assertThat(subset.allows(Map.of())).isFalse();
        assertThat(equal.allows(Map.of("dept", "Finance", "stage", "prod"))).isTrue();
        assertThat(equal.allows(Map.of("Dept", "Finance"))).isFalse();
        assertThat(equal.allows(Map.of("Dept", "Finance", "Stage", "prod", "x", "y"))).isFalse();
        assertThat(GrantConstraints.NONE.allows(Map.of("any", "thing"))).isTrue();
    }

    @Test
    void constraints_applyOnlyToOperationsWithEncryptionContext() {
        Grant g = new Grant(KEY_ARN, "g", "t", ALICE.arn(), null, Set.of(GrantOperation.SIGN, GrantOperation.DECRYPT),
                GrantConstraints.subset(Map.of("a", "b")), null, A, NOW);

        assertThat(GrantRules.constraintsAllow(g, GrantOperation.SIGN, Map.of())).isTrue();
        assertThat(GrantRules.constraintsAllow(g, GrantOperation.DECRYPT, Map.of())).isFalse();
    }

    @Test
    void ids_haveAwsShapes_andTokenStaysOutOfToString() {
        SecureRandom random = new SecureRandom();
        String id = GrantRules.newGrantId(random);
        String token = GrantRules.newGrantToken(random);
        Grant g = new Grant(KEY_ARN, id, token, ALICE.arn(), null, Set.of(GrantOperation.DECRYPT), null, null, A, NOW);

        assertThat(id).matches("[0-9a-f]{64}");
        assertThat(token).hasSize(128).isNotEqualTo(GrantRules.newGrantToken(random));
        assertThat(g.toString()).contains(id).doesNotContain(token);
    }

    @Test
    void grantOperations_mapToActions() {
        assertThat(GrantOperation.forAction("kms:reencryptfrom")).isEqualTo(GrantOperation.RE_ENCRYPT_FROM);
        assertThat(GrantOperation.forAction("kms:PutKeyPolicy")).isNull();
        assertThat(GrantOperation.values()).hasSize(17);
        for (GrantOperation op : GrantOperation.values()) {
            assertThat(KmsActions.indexOf(op.action())).as(op.action()).isNotNegative();
        }
    }

    @Test
    void json_roundTrip_keepsEveryField() {
        Grant g = new Grant(KEY_ARN, "g1", "tok1", ALICE.arn(), APP_ROLE.arn(),
                Set.of(GrantOperation.DECRYPT, GrantOperation.RETIRE_GRANT),
                new GrantConstraints(Map.of("Dept", "Finance"), Map.of()), "nightly", A, NOW);
        Grant bare = new Grant(KEY_ARN, "g2", "tok2", ALICE.arn(), null, Set.of(GrantOperation.ENCRYPT), null, null,
                A, NOW);

        assertThat(GrantJson.fromJson(GrantJson.toJson(g))).isEqualTo(g);
        assertThat(GrantJson.fromJson(GrantJson.toJson(bare))).isEqualTo(bare);
        assertThat(GrantJson.toJson(g).get("operations").toString()).isEqualTo("[\"Decrypt\",\"RetireGrant\"]");
    }

    @Test
    void json_rejectsUnknownOperation() {
        com.fasterxml.jackson.databind.node.ObjectNode node = GrantJson.toJson(grant(ALICE.arn(), null,
                GrantOperation.DECRYPT));
        node.putArray("operations").add("Decrypts");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> GrantJson.fromJson(node))
                .hasMessage("stored grant: unknown operation \"Decrypts\"");
    }

    @Test
    void delegation_sameOrFewerOperations_sameOrStricterConstraints() {
        Grant parent = new Grant(KEY_ARN, "p", "t", ALICE.arn(), null,
                Set.of(GrantOperation.CREATE_GRANT, GrantOperation.DECRYPT, GrantOperation.ENCRYPT),
                GrantConstraints.subset(Map.of("Dept", "Finance")), null, A, NOW);

        assertThat(GrantRules.mayDelegate(parent, Set.of(GrantOperation.DECRYPT),
                GrantConstraints.subset(Map.of("dept", "Finance", "Stage", "prod")))).isTrue();
        assertThat(GrantRules.mayDelegate(parent, Set.of(GrantOperation.DECRYPT),
                GrantConstraints.equalTo(Map.of("Dept", "Finance")))).isTrue();
        assertThat(GrantRules.mayDelegate(parent, Set.of(GrantOperation.DECRYPT), GrantConstraints.NONE)).isFalse();
        assertThat(GrantRules.mayDelegate(parent, Set.of(GrantOperation.SIGN),
                GrantConstraints.subset(Map.of("Dept", "Finance")))).isFalse();
        Grant noCreate = grant(ALICE.arn(), null, GrantOperation.DECRYPT);
        assertThat(GrantRules.mayDelegate(noCreate, Set.of(GrantOperation.DECRYPT), null)).isFalse();
    }
}
