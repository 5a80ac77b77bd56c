package dev.kmslab.engine;

import static dev.kmslab.engine.PolicyFixture.ACCOUNT;
import static dev.kmslab.engine.PolicyFixture.CONTEXT;
import static dev.kmslab.engine.PolicyFixture.ROOT;
import static dev.kmslab.engine.PolicyFixture.roleArn;
import static dev.kmslab.engine.PolicyFixture.withTokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.audit.AuditEvent;
import dev.kmslab.engine.audit.AuditQuery;
import dev.kmslab.engine.error.AccessDeniedException;
import dev.kmslab.engine.error.InvalidGrantTokenException;
import dev.kmslab.engine.error.ValidationException;
import dev.kmslab.engine.model.CreateGrantRequest;
import dev.kmslab.engine.model.CreateGrantResult;
import dev.kmslab.engine.model.DescribeKeyRequest;
import dev.kmslab.engine.model.GrantListEntry;
import dev.kmslab.engine.model.ListGrantsRequest;
import dev.kmslab.engine.model.ListRetirableGrantsRequest;
import dev.kmslab.engine.model.RetireGrantRequest;
import dev.kmslab.engine.model.RevokeGrantRequest;
import dev.kmslab.engine.model.GrantConstraints;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Grants on real engine calls: tokens vs propagation, constraints, retiring, revoking, idempotency, key types. */
class GrantEnforcementTest {

    private final PolicyFixture f = new PolicyFixture();
    private final CallerContext app = f.role(ACCOUNT, "App");
    private final String keyId = f.newKey();

    private CreateGrantResult grant(List<String> operations, GrantConstraints constraints, String retiring) {
        return f.engine.createGrant(ROOT, new CreateGrantRequest(keyId, roleArn(ACCOUNT, "App"), retiring,
                operations, constraints, null, null));
    }

    @Test
    void newGrant_worksAtOnceWithItsToken_otherwiseOnlyAfterThePropagationDelay() {
        CreateGrantResult g = grant(List.of("Encrypt", "Decrypt"), null, null);

        assertThatThrownBy(() -> f.encrypt(app, keyId, CONTEXT)).isInstanceOf(AccessDeniedException.class);
        assertThat(f.lastEvent("Encrypt").authorizationExplanation())
                .contains("not yet propagated and no grant token");
        byte[] blob = f.encrypt(withTokens(app, g.grantToken()), keyId, CONTEXT);
        assertThat(f.lastEvent("Encrypt").authorizationExplanation())
                .startsWith("ALLOWED_BY_GRANT by grant " + g.grantId());

        f.engine.advanceClock(Duration.ofSeconds(4));
        assertThatThrownBy(() -> f.decrypt(app, blob, CONTEXT)).isInstanceOf(AccessDeniedException.class);
        f.engine.advanceClock(Duration.ofSeconds(1));
        assertThat(f.decrypt(app, blob, CONTEXT)).containsExactly(7, 7, 7);
        // the grant allows only what it lists
        assertThatThrownBy(() -> f.engine.describeKey(app, new DescribeKeyRequest(keyId)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void constraints_matchContextKeysIgnoringCase_valuesExactly() {
        CreateGrantResult subset = grant(List.of("Encrypt"), GrantConstraints.subset(Map.of("Department", "Finance")),
                null);
        CallerContext withToken = withTokens(app, subset.grantToken());

        f.encrypt(withToken, keyId, Map.of("department", "Finance", "project", "x"));
        assertThatThrownBy(() -> f.encrypt(withToken, keyId, Map.of("Department", "finance")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(f.lastEvent("Encrypt").authorizationExplanation()).contains("constraints not met");
        assertThatThrownBy(() -> f.encrypt(withToken, keyId, Map.of())).isInstanceOf(AccessDeniedException.class);

        CreateGrantResult equals = grant(List.of("Encrypt"), GrantConstraints.equalTo(Map.of("Department", "HR")),
                null);
        CallerContext exact = withTokens(app, equals.grantToken());
        f.encrypt(exact, keyId, Map.of("Department", "HR"));
        assertThatThrownBy(() -> f.encrypt(exact, keyId, Map.of("Department", "HR", "extra", "1")))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void retiringPrincipal_retiresTheGrant_theGranteeAloneMayNot() {
        CallerContext retirer = f.role(ACCOUNT, "Retirer");
        CreateGrantResult g = grant(List.of("Encrypt"), null, roleArn(ACCOUNT, "Retirer"));
        assertThat(f.engine.listRetirableGrants(ROOT, ListRetirableGrantsRequest.of(roleArn(ACCOUNT, "Retirer")))
                .grants()).extracting(GrantListEntry::grantId).containsExactly(g.grantId());

        assertThatThrownBy(() -> f.engine.retireGrant(app, RetireGrantRequest.byId(keyId, g.grantId())))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("only the retiring principal, the grantee of a grant that allows RetireGrant");
        f.engine.retireGrant(retirer, RetireGrantRequest.byId(keyId, g.grantId()));

        assertThat(f.lastEvent("RetireGrant").authorizationExplanation())
                .isEqualTo("ALLOWED: RetireGrant is decided by the grant: the caller is the grant's retiring "
                        + "principal");
        assertThat(f.engine.listGrants(ROOT, ListGrantsRequest.of(keyId)).grants()).isEmpty();
        assertThatThrownBy(() -> f.encrypt(withTokens(app, g.grantToken()), keyId, CONTEXT))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void granteeWithRetireGrant_retiresByToken() {
        CreateGrantResult g = grant(List.of("Encrypt", "RetireGrant"), null, null);

        f.engine.retireGrant(app, RetireGrantRequest.byToken(g.grantToken()));

        assertThat(f.engine.listGrants(ROOT, ListGrantsRequest.of(keyId)).grants()).isEmpty();
    }

    @Test
    void revokeGrant_needsKmsRevokeGrant_andEndsTheGrant() {
        CreateGrantResult g = grant(List.of("Encrypt"), null, null);
        f.engine.advanceClock(Duration.ofSeconds(5));
        f.encrypt(app, keyId, CONTEXT);

        assertThatThrownBy(() -> f.engine.revokeGrant(app, new RevokeGrantRequest(keyId, g.grantId())))
                .isInstanceOf(AccessDeniedException.class);
        f.engine.revokeGrant(ROOT, new RevokeGrantRequest(keyId, g.grantId()));

        assertThatThrownBy(() -> f.encrypt(app, keyId, CONTEXT)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void sameNameAndParameters_returnTheSameGrantId_differentParametersANewGrant() {
        CreateGrantRequest named = new CreateGrantRequest(keyId, roleArn(ACCOUNT, "App"), null, List.of("Encrypt"),
                null, null, "app-encrypt");
        String first = f.engine.createGrant(ROOT, named).grantId();
        String again = f.engine.createGrant(ROOT, named).grantId();
        String changed = f.engine.createGrant(ROOT, new CreateGrantRequest(keyId, roleArn(ACCOUNT, "App"), null,
                List.of("Encrypt", "Decrypt"), null, null, "app-encrypt")).grantId();

        assertThat(again).isEqualTo(first);
        assertThat(changed).isNotEqualTo(first);
        List<GrantListEntry> listed = f.engine.listGrants(ROOT, ListGrantsRequest.of(keyId)).grants();
        assertThat(listed).extracting(GrantListEntry::grantId).containsExactly(first, changed);
        assertThat(listed.get(0).issuingAccount()).isEqualTo("arn:aws:iam::111122223333:root");
        assertThat(listed.get(0).operations()).containsExactly("Encrypt");
        assertThat(f.engine.listGrants(ROOT, new ListGrantsRequest(keyId, 1, null, null, null)).truncated())
                .isTrue();
        assertThat(f.engine.listGrants(ROOT, new ListGrantsRequest(keyId, null, null, changed, null)).grants())
                .hasSize(1);
    }

    @Test
    void operationsTheKeyCannotPerform_orUnknownNames_areRefused() {
        assertThatThrownBy(() -> grant(List.of("Decrypt", "Sign"), null, null))
                .isInstanceOf(ValidationException.class)
                .hasMessage("Grant operations Sign are not valid for a KMS key with KeyUsage ENCRYPT_DECRYPT and "
                        + "KeySpec SYMMETRIC_DEFAULT.");
        assertThatThrownBy(() -> grant(List.of("Fly"), null, null))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("1 validation error detected: Value 'Fly' at 'operations' failed to satisfy "
                        + "constraint: Member must satisfy enum value set");
        assertThat(f.engine.listGrants(ROOT, ListGrantsRequest.of(keyId)).grants()).isEmpty();
    }

    @Test
    void malformedGrantToken_isInvalidGrantTokenException() {
        assertThatThrownBy(() -> f.encrypt(withTokens(app, "not-a-token"), keyId, CONTEXT))
                .isInstanceOf(InvalidGrantTokenException.class);
        assertThat(f.lastEvent("Encrypt").errorCode()).isEqualTo("InvalidGrantTokenException");
    }

    @Test
    void granteeHoldingCreateGrant_mayPassOnOnlyWhatItHas() {
        CreateGrantResult parent = grant(List.of("Encrypt", "CreateGrant"), null, null);
        CallerContext withToken = withTokens(app, parent.grantToken());
        f.role(ACCOUNT, "Helper");

        CreateGrantResult child = f.engine.createGrant(withToken, CreateGrantRequest.of(keyId,
                roleArn(ACCOUNT, "Helper"), List.of("Encrypt")));
        assertThat(child.grantId()).isNotEqualTo(parent.grantId());
        assertThatThrownBy(() -> f.engine.createGrant(withToken, CreateGrantRequest.of(keyId,
                roleArn(ACCOUNT, "Helper"), List.of("Decrypt"))))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageEndingWith("because the grant that allows CreateGrant does not allow these operations or "
                        + "looser constraints");
    }

    @Test
    void grantTokensInTheRequest_countLikeTheCallersOwn() {
        CreateGrantResult parent = grant(List.of("CreateGrant"), null, null);
        f.role(ACCOUNT, "Helper");

        CreateGrantResult child = f.engine.createGrant(app, new CreateGrantRequest(keyId, roleArn(ACCOUNT, "Helper"),
                null, List.of("CreateGrant"), null, List.of(parent.grantToken()), null));

        assertThat(child.grantToken()).hasSize(128);
        assertThat(child.toString()).doesNotContain(child.grantToken());
    }

    @Test
    void grantTokens_neverReachTheAuditLog() {
        CreateGrantResult g = grant(List.of("Encrypt", "RetireGrant"), null, null);
        f.encrypt(withTokens(app, g.grantToken()), keyId, CONTEXT);
        f.engine.retireGrant(app, RetireGrantRequest.byToken(g.grantToken()));

        for (AuditEvent event : f.audit.query(AuditQuery.all())) {
            assertThat(event.toString()).doesNotContain(g.grantToken());
            assertThat(event.explainAuthorization()).doesNotContain(g.grantToken());
        }
    }
}
