package dev.kmslab.engine;

import static dev.kmslab.engine.EngineFixture.ROOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.audit.AuditQuery;
import dev.kmslab.engine.error.AccessDeniedException;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.GenerateRandomRequest;
import dev.kmslab.engine.model.KeyState;
import dev.kmslab.engine.model.ListAliasesRequest;
import dev.kmslab.engine.model.ListKeysRequest;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * With an authorizer that denies everything, every operation fails with AccessDeniedException, changes nothing and
 * is audited with the denial's explanation: nothing happens before the authorization point.
 */
class AuthorizationPointTest {

    private static final CallerContext MALLORY = CallerContext.of("arn:aws:iam::111122223333:user/mallory");

    @Test
    void everyKeyScopedOperation_isDeniedBeforeActing() throws Exception {
        for (Map.Entry<KmsOperation, BiConsumer<EngineFixtureWithBlobs, String>> call : KeyStateTableTest.calls()
                .entrySet()) {
            if (call.getKey() == KmsOperation.RetireGrant) {
                continue; // decided by the grant itself (the account root may retire), not by the authorizer
            }
            EngineFixtureWithBlobs f = new EngineFixtureWithBlobs(KeyState.Enabled);
            byte[] before = f.base.storage.load().orElseThrow();
            int denialsBefore = f.base.audit.query(AuditQuery.all().onlyErrors()).size();
            f.base.denyAll = true;

            assertThatThrownBy(() -> call.getValue().accept(f, f.keyId)).as(call.getKey().name())
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("is not authorized to perform: kms:");
            assertThat(f.base.storage.load().orElseThrow()).as(call.getKey().name()).isEqualTo(before);
            assertThat(f.base.audit.query(AuditQuery.all().onlyErrors())).hasSize(denialsBefore + 1);
        }
    }

    @Test
    void accountLevelOperations_areDeniedToo() {
        EngineFixture f = new EngineFixture();

        assertThatThrownBy(() -> f.engine.createKey(MALLORY, CreateKeyRequest.symmetric()))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("User: arn:aws:iam::111122223333:user/mallory is not authorized to perform: "
                        + "kms:CreateKey on resource: arn:aws:kms:us-east-1:111122223333:* because no "
                        + "resource-based policy allows the kms:CreateKey action");
        assertThatThrownBy(() -> f.engine.listKeys(MALLORY, ListKeysRequest.firstPage()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> f.engine.listAliases(MALLORY, ListAliasesRequest.all()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> f.engine.generateRandom(MALLORY, new GenerateRandomRequest(8)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(f.audit.query(AuditQuery.all().forPrincipal(MALLORY.principalArn()).onlyErrors())).hasSize(4);
        assertThat(f.engine.listKeys(ROOT, ListKeysRequest.firstPage()).keys()).isEmpty();
    }
}
